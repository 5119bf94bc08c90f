package io.proxima.adapter.out.proxmox;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.proxima.application.hypervisor.PveAlreadyExistsException;
import io.proxima.application.hypervisor.PveAuthenticationException;
import io.proxima.application.hypervisor.PveConfigModifiedException;
import io.proxima.application.hypervisor.PveException;
import io.proxima.application.hypervisor.PveGuestNotOursException;
import io.proxima.application.hypervisor.PveGuestStateException;
import io.proxima.application.hypervisor.PveLockTimeoutException;
import io.proxima.application.hypervisor.PveLockedException;
import io.proxima.application.hypervisor.PveNotFoundException;
import io.proxima.application.hypervisor.PveParameterException;
import io.proxima.application.hypervisor.PvePermissionException;
import io.proxima.application.hypervisor.PveProtocolException;
import io.proxima.application.hypervisor.PveTaskFailedException;
import io.proxima.application.hypervisor.PveTimeoutException;
import io.proxima.application.hypervisor.PveUnreachableException;
import io.proxima.application.hypervisor.port.out.CloneSpec;
import io.proxima.application.hypervisor.port.out.ClusterResource;
import io.proxima.application.hypervisor.port.out.ConfigChange;
import io.proxima.application.hypervisor.port.out.ConsoleTicket;
import io.proxima.application.hypervisor.port.out.CreatedGuest;
import io.proxima.application.hypervisor.port.out.FirewallRule;
import io.proxima.application.hypervisor.port.out.FirewallRules;
import io.proxima.application.hypervisor.port.out.GuestConfig;
import io.proxima.application.hypervisor.port.out.GuestRef;
import io.proxima.application.hypervisor.port.out.GuestStatus;
import io.proxima.application.hypervisor.port.out.NodeStatus;
import io.proxima.application.hypervisor.port.out.PowerAction;
import io.proxima.application.hypervisor.port.out.PowerState;
import io.proxima.application.hypervisor.port.out.PveCredentials;
import io.proxima.application.hypervisor.port.out.PveNodeConnection;
import io.proxima.application.hypervisor.port.out.PveTlsTrust;
import io.proxima.application.hypervisor.port.out.ResourceKind;
import io.proxima.application.hypervisor.port.out.RrdConsolidation;
import io.proxima.application.hypervisor.port.out.RrdPoint;
import io.proxima.application.hypervisor.port.out.RrdTimeframe;
import io.proxima.application.hypervisor.port.out.Snapshot;
import io.proxima.application.hypervisor.port.out.StorageContentItem;
import io.proxima.application.hypervisor.port.out.StorageContentType;
import io.proxima.application.hypervisor.port.out.TaskResult;
import io.proxima.application.hypervisor.port.out.Upid;
import io.vertx.core.Vertx;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The exact requests the adapter sends (method, path, query, form body, headers) and how it reads
 * PVE's real answers, errors included, against WireMock.
 */
class PveContractTest {

    static final String TOKEN_ID = "proxima@pve!api";
    static final String SECRET = "5f0c1a7e-6c1b-4c55-9a7e-2f1d2b3c4d5e";
    static final String UPID_CLONE = "UPID:pve1:002F1A3C:0A1B2C3D:66A1B2C3:qmclone:9000:proxima@pve!api:";
    static final String UPID_START = "UPID:pve1:002F1A3D:0A1B2C3E:66A1B2C4:qmstart:120:proxima@pve!api:";
    static final UUID OURS = UUID.fromString("0b7c9a52-54a4-4b0e-9d0f-6f1a3c2d1e00");

    static Vertx vertx;
    WireMockServer wm;
    ProxmoxHypervisor pve;
    PveNodeConnection conn;
    final AtomicLong now = new AtomicLong(1_700_000_000_000L);

    @BeforeAll
    static void vertx() {
        vertx = Vertx.vertx();
    }

    @AfterAll
    static void closeVertx() {
        vertx.close();
    }

    @BeforeEach
    void start() {
        wm = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        wm.start();
        PveClientSettings s = PveClientSettings.defaults().withRequestTimeout(Duration.ofMillis(800))
                .withTaskPolling(Duration.ofMillis(5), Duration.ofMillis(20)).withBreaker(3, Duration.ofSeconds(30));
        pve = new ProxmoxHypervisor(vertx, s, System::currentTimeMillis);
        conn = PveNodeConnection.withToken("http://127.0.0.1:" + wm.port(), TOKEN_ID, SECRET, PveTlsTrust.system());
    }

    @AfterEach
    void stop() {
        pve.closeClients();
        wm.stop();
    }

    static String data(String json) {
        return "{\"data\":" + json + "}";
    }

    static String pveError(String message) {
        return "{\"data\":null,\"message\":\"" + message + "\\n\"}";
    }

    private LoggedRequest only(String method, String pathPrefix) {
        List<LoggedRequest> found = wm.getAllServeEvents().stream().map(e -> e.getRequest())
                .filter(r -> r.getMethod().getName().equals(method) && r.getUrl().startsWith(pathPrefix)).toList();
        assertThat(found).as(method + " " + pathPrefix).hasSize(1);
        return found.get(0);
    }

    private long count(String method) {
        return wm.getAllServeEvents().stream().filter(e -> e.getRequest().getMethod().getName().equals(method)).count();
    }

    private void stubOwnedConfig(GuestRef g, UUID owner) {
        wm.stubFor(get(urlEqualTo("/api2/json/nodes/" + g.node() + "/" + g.type().pveName() + "/" + g.vmid() + "/config"))
                .willReturn(okJson(data("{\"name\":\"web1\",\"cores\":2,\"memory\":\"2048\",\"net0\":\"virtio=BC:24:11:00:00:01,bridge=vmbr0\","
                        + "\"tags\":\"prod;" + (owner == null ? "x" : "proxima-" + owner) + "\",\"digest\":\"abc123\"}"))));
    }

    // --- reads ---------------------------------------------------------------------------

    @Test
    void version_sends_the_api_token_header_and_reads_the_envelope() {
        wm.stubFor(get(urlEqualTo("/api2/json/version"))
                .willReturn(okJson(data("{\"version\":\"9.1.2\",\"release\":\"9.1\",\"repoid\":\"b1c2d3\"}"))));

        assertThat(pve.version(conn).version()).isEqualTo("9.1.2");

        LoggedRequest r = only("GET", "/api2/json/version");
        assertThat(r.getHeader("Authorization")).isEqualTo("PVEAPIToken=" + TOKEN_ID + "=" + SECRET);
        assertThat(r.containsHeader("CSRFPreventionToken")).isFalse();
        assertThat(r.getBodyAsString()).isEmpty();
    }

    @Test
    void cluster_resources_tolerate_strings_for_numbers_and_find_our_tag() {
        wm.stubFor(get(urlEqualTo("/api2/json/cluster/resources?type=vm")).willReturn(okJson(data("["
                + "{\"id\":\"qemu/120\",\"type\":\"qemu\",\"node\":\"pve1\",\"vmid\":\"120\",\"name\":\"web1\",\"status\":\"running\","
                + "\"template\":0,\"tags\":\"proxima-" + OURS + ";prod\",\"cpu\":\"0.25\",\"maxcpu\":2,\"mem\":\"1073741824\",\"maxmem\":2147483648,"
                + "\"uptime\":\"3600\",\"netin\":10,\"netout\":\"20\"},"
                + "{\"id\":\"lxc/130\",\"type\":\"lxc\",\"node\":\"pve2\",\"vmid\":130,\"name\":\"ct\",\"status\":\"stopped\",\"template\":\"1\"}"
                + "]"))));

        List<ClusterResource> rs = pve.clusterResources(conn, ResourceKind.VM);

        assertThat(rs).hasSize(2);
        ClusterResource vm = rs.get(0);
        assertThat(vm.vmid()).isEqualTo(120);
        assertThat(vm.mem()).isEqualTo(1_073_741_824L);
        assertThat(vm.cpu()).isEqualTo(0.25);
        assertThat(vm.uptime()).isEqualTo(3600);
        assertThat(vm.proximaVmId()).isEqualTo(OURS);
        assertThat(vm.guest()).contains(GuestRef.qemu("pve1", 120));
        assertThat(rs.get(1).template()).isTrue();
        assertThat(rs.get(1).proximaVmId()).isNull();
    }

    @Test
    void nextid_arrives_as_a_string_and_a_taken_id_is_reported_as_not_free() {
        wm.stubFor(get(urlEqualTo("/api2/json/cluster/nextid")).willReturn(okJson(data("\"105\""))));
        wm.stubFor(get(urlEqualTo("/api2/json/cluster/nextid?vmid=104")).willReturn(aResponse().withStatus(400)
                .withStatusMessage("Parameter verification failed.")
                .withBody("{\"errors\":{\"vmid\":\"VM 104 already exists\"},\"data\":null}")));
        wm.stubFor(get(urlEqualTo("/api2/json/cluster/nextid?vmid=106")).willReturn(okJson(data("106"))));

        assertThat(pve.nextFreeVmid(conn)).isEqualTo(105);
        assertThat(pve.isVmidFree(conn, 104)).isFalse();
        assertThat(pve.isVmidFree(conn, 106)).isTrue();
    }

    @Test
    void node_status_reads_nested_memory_and_load_as_strings() {
        wm.stubFor(get(urlEqualTo("/api2/json/nodes/pve1/status")).willReturn(okJson(data(
                "{\"cpu\":0.05,\"cpuinfo\":{\"cpus\":16,\"model\":\"EPYC\"},\"memory\":{\"total\":68719476736,\"used\":\"17179869184\"},"
                        + "\"rootfs\":{\"total\":100,\"used\":40},\"loadavg\":[\"0.52\",\"0.40\",\"0.33\"],\"uptime\":86400,"
                        + "\"pveversion\":\"pve-manager/9.1.2\",\"kversion\":\"Linux 6.14\"}"))));

        NodeStatus s = pve.nodeStatus(conn, "pve1");

        assertThat(s.cpus()).isEqualTo(16);
        assertThat(s.memUsed()).isEqualTo(17_179_869_184L);
        assertThat(s.loadAverage()).containsExactly(0.52, 0.40, 0.33);
        assertThat(s.uptime()).isEqualTo(86400);
    }

    @Test
    void guest_status_maps_paused_and_lock() {
        wm.stubFor(get(urlEqualTo("/api2/json/nodes/pve1/qemu/120/status/current")).willReturn(okJson(data(
                "{\"vmid\":120,\"status\":\"running\",\"qmpstatus\":\"paused\",\"cpus\":\"2\",\"maxmem\":2147483648,\"uptime\":50}"))));
        wm.stubFor(get(urlEqualTo("/api2/json/nodes/pve1/lxc/130/status/current")).willReturn(okJson(data(
                "{\"vmid\":130,\"status\":\"stopped\",\"lock\":\"snapshot\"}"))));

        GuestStatus vm = pve.status(conn, GuestRef.qemu("pve1", 120));
        GuestStatus ct = pve.status(conn, GuestRef.lxc("pve1", 130));

        assertThat(vm.state()).isEqualTo(PowerState.PAUSED);
        assertThat(vm.cpus()).isEqualTo(2);
        assertThat(ct.state()).isEqualTo(PowerState.STOPPED);
        assertThat(ct.locked()).isTrue();
    }

    @Test
    void rrd_and_storage_content_send_their_filters_in_the_query() {
        wm.stubFor(get(urlPathEqualTo("/api2/json/nodes/pve1/qemu/120/rrddata")).willReturn(okJson(data(
                "[{\"time\":1700000000,\"cpu\":\"0.1\",\"netin\":1234.5},{\"time\":1700000060}]"))));
        wm.stubFor(get(urlPathEqualTo("/api2/json/nodes/pve1/storage/local/content")).willReturn(okJson(data(
                "[{\"volid\":\"local:vztmpl/debian-12-standard_12.7-1_amd64.tar.zst\",\"format\":\"tzst\",\"size\":\"123456\",\"content\":\"vztmpl\"}]"))));

        List<RrdPoint> points = pve.guestRrd(conn, GuestRef.qemu("pve1", 120), RrdTimeframe.HOUR, RrdConsolidation.AVERAGE);
        List<StorageContentItem> items = pve.storageContent(conn, "pve1", "local", StorageContentType.VZTMPL);

        assertThat(WireForms.query(only("GET", "/api2/json/nodes/pve1/qemu/120/rrddata").getUrl()))
                .containsExactly(entry("timeframe", "hour"), entry("cf", "AVERAGE"));
        assertThat(points).hasSize(2);
        assertThat(points.get(0).value("cpu")).contains(0.1);
        assertThat(points.get(1).value("cpu")).isEmpty();
        assertThat(WireForms.query(only("GET", "/api2/json/nodes/pve1/storage/local/content").getUrl()))
                .containsExactly(entry("content", "vztmpl"));
        assertThat(items.get(0).sizeBytes()).isEqualTo(123456);
    }

    // --- creation ------------------------------------------------------------------------

    @Test
    void clone_allocates_a_vmid_and_retries_another_when_it_is_taken() {
        wm.stubFor(get(urlEqualTo("/api2/json/cluster/nextid")).willReturn(okJson(data("\"120\""))));
        wm.stubFor(post(urlEqualTo("/api2/json/nodes/pve1/qemu/9000/clone")).inScenario("race")
                .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("lost")
                .willReturn(aResponse().withStatus(500).withStatusMessage("VM 120 already exists on node 'pve2'")
                        .withBody(pveError("VM 120 already exists on node 'pve2'"))));
        wm.stubFor(post(urlEqualTo("/api2/json/nodes/pve1/qemu/9000/clone")).inScenario("race")
                .whenScenarioStateIs("lost").willReturn(okJson(data("\"" + UPID_CLONE + "\""))));

        CreatedGuest created = pve.cloneGuest(conn, new CloneSpec(GuestRef.qemu("pve1", 9000), null, null, "web1", OURS,
                false, null, null));

        List<LoggedRequest> posts = wm.findAll(postRequestedFor(urlEqualTo("/api2/json/nodes/pve1/qemu/9000/clone")));
        assertThat(posts).hasSize(2);
        Map<String, String> first = WireForms.decode(posts.get(0).getBodyAsString());
        Map<String, String> second = WireForms.decode(posts.get(1).getBodyAsString());
        assertThat(first).containsEntry("newid", "120").containsEntry("name", "web1").containsEntry("full", "0")
                .doesNotContainKeys("target", "storage", "pool");
        assertThat(first.get("description")).contains("proxima-vm-id: " + OURS);
        assertThat(Integer.parseInt(second.get("newid"))).isGreaterThan(120);
        assertThat(posts.get(0).getHeader("Content-Type")).startsWith("application/x-www-form-urlencoded");
        assertThat(posts.get(0).getUrl()).doesNotContain("?");
        assertThat(created.guest().vmid()).isEqualTo(Integer.parseInt(second.get("newid")));
        assertThat(created.upid().type()).isEqualTo("qmclone");
        assertThat(created.upid().id()).isEqualTo("9000");
    }

    @Test
    void a_fixed_vmid_is_tried_once_and_the_clash_surfaces() {
        wm.stubFor(post(urlEqualTo("/api2/json/nodes/pve1/lxc")).willReturn(aResponse().withStatus(500)
                .withStatusMessage("unable to create CT 140 - CT 140 already exists on node 'pve1'").withBody("{\"data\":null}")));

        assertThatThrownBy(() -> pve.createLxc(conn, new io.proxima.application.hypervisor.port.out.LxcCreateSpec("pve1", 140, OURS,
                "ct1", "local:vztmpl/debian-12.tar.zst", "local-lvm", 8, 1, 512, 512, "vmbr0", "dhcp", null, 10, "pw", List.of("ssh-ed25519 AAAA k"), true)))
                .isInstanceOf(PveAlreadyExistsException.class);
        assertThat(count("POST")).isEqualTo(1);
        Map<String, String> form = WireForms.decode(only("POST", "/api2/json/nodes/pve1/lxc").getBodyAsString());
        assertThat(form).containsEntry("vmid", "140").containsEntry("rootfs", "local-lvm:8").containsEntry("memory", "512")
                .containsEntry("unprivileged", "1").containsEntry("ssh-public-keys", "ssh-ed25519 AAAA k")
                .containsEntry("tags", "proxima-" + OURS)
                .containsEntry("net0", "name=eth0,bridge=vmbr0,firewall=1,ip=dhcp,rate=10");
    }

    // --- config --------------------------------------------------------------------------

    @Test
    void config_change_encodes_sshkeys_twice_deletes_by_key_and_sends_the_digest() {
        wm.stubFor(post(urlEqualTo("/api2/json/nodes/pve1/qemu/120/config")).willReturn(okJson(data("null"))));

        Optional<Upid> task = pve.updateConfig(conn, GuestRef.qemu("pve1", 120), ConfigChange.builder()
                .cores(4).memoryMb(4096).ciUser("admin").ciPassword("s3cret pass")
                .sshKeys(List.of("ssh-ed25519 AAAAC3Nza+/x= alice@host", "ssh-rsa AAAAB3 bob"))
                .ipConfig(0, "203.0.113.10/24", "203.0.113.1").nameservers(List.of("1.1.1.1", "9.9.9.9"))
                .delete("ide2").digest("abc123").build());

        LoggedRequest r = only("POST", "/api2/json/nodes/pve1/qemu/120/config");
        String raw = r.getBodyAsString();
        // on the wire: %20 encoded again as %2520, newline as %250A, '+' as %252B
        assertThat(raw).contains("sshkeys=ssh-ed25519%2520AAAAC3Nza%252B%252Fx%253D%2520alice%2540host%250Assh-rsa%2520AAAAB3%2520bob");
        Map<String, String> form = WireForms.decode(raw);
        assertThat(form).containsEntry("cores", "4").containsEntry("memory", "4096").containsEntry("ciuser", "admin")
                .containsEntry("cipassword", "s3cret pass").containsEntry("ipconfig0", "ip=203.0.113.10/24,gw=203.0.113.1")
                .containsEntry("nameserver", "1.1.1.1 9.9.9.9").containsEntry("delete", "ide2").containsEntry("digest", "abc123");
        assertThat(java.net.URLDecoder.decode(form.get("sshkeys"), java.nio.charset.StandardCharsets.UTF_8))
                .isEqualTo("ssh-ed25519 AAAAC3Nza+/x= alice@host\nssh-rsa AAAAB3 bob");
        assertThat(task).isEmpty();
    }

    @Test
    void lxc_config_uses_put_and_nic_rewrite_keeps_the_mac() {
        GuestRef ct = GuestRef.lxc("pve1", 130);
        wm.stubFor(get(urlEqualTo("/api2/json/nodes/pve1/lxc/130/config")).willReturn(okJson(data(
                "{\"hostname\":\"ct1\",\"net0\":\"name=eth0,bridge=vmbr0,hwaddr=BC:24:11:AA:BB:CC,ip=dhcp,type=veth\",\"digest\":\"d1\"}"))));
        wm.stubFor(put(urlEqualTo("/api2/json/nodes/pve1/lxc/130/config")).willReturn(okJson(data("null"))));

        pve.setNicFirewall(conn, ct, 0, true);

        Map<String, String> form = WireForms.decode(only("PUT", "/api2/json/nodes/pve1/lxc/130/config").getBodyAsString());
        assertThat(form).containsEntry("net0", "name=eth0,bridge=vmbr0,hwaddr=BC:24:11:AA:BB:CC,ip=dhcp,type=veth,firewall=1")
                .containsEntry("digest", "d1");
    }

    @Test
    void config_reads_owner_from_description_when_no_tag_yet() {
        wm.stubFor(get(urlEqualTo("/api2/json/nodes/pve1/qemu/121/config")).willReturn(okJson(data(
                "{\"name\":\"web2\",\"memory\":\"current=1024\",\"cores\":\"2\",\"lock\":\"clone\","
                        + "\"description\":\"Managed by Proxima; do not edit the next line.\\nproxima-vm-id: " + OURS + "\",\"digest\":\"e\"}"))));

        GuestConfig cfg = pve.config(conn, GuestRef.qemu("pve1", 121));

        assertThat(cfg.proximaVmId()).isEqualTo(OURS);
        assertThat(cfg.memoryMb()).isEqualTo(1024);
        assertThat(cfg.cores()).isEqualTo(2);
        assertThat(cfg.lock()).contains("clone");
        assertThat(cfg.digest()).isEqualTo("e");
    }

    // --- identity safety -----------------------------------------------------------------

    @Test
    void destroy_refuses_a_guest_that_is_not_ours_and_sends_nothing() {
        GuestRef g = GuestRef.qemu("pve1", 120);
        stubOwnedConfig(g, UUID.randomUUID());

        assertThatThrownBy(() -> pve.destroy(conn, g, OURS)).isInstanceOf(PveGuestNotOursException.class);
        assertThat(count("DELETE")).isZero();
    }

    @Test
    void destroy_of_our_guest_purges_with_parameters_in_the_query_only() {
        GuestRef g = GuestRef.qemu("pve1", 120);
        stubOwnedConfig(g, OURS);
        wm.stubFor(delete(urlPathEqualTo("/api2/json/nodes/pve1/qemu/120"))
                .willReturn(okJson(data("\"UPID:pve1:00000001:00000002:66A1B2C5:qmdestroy:120:proxima@pve!api:\""))));

        Upid u = pve.destroy(conn, g, OURS);

        LoggedRequest r = only("DELETE", "/api2/json/nodes/pve1/qemu/120");
        assertThat(WireForms.query(r.getUrl())).containsExactly(entry("purge", "1"), entry("destroy-unreferenced-disks", "1"));
        assertThat(r.getBodyAsString()).isEmpty();
        assertThat(u.type()).isEqualTo("qmdestroy");
    }

    @Test
    void start_needs_no_identity_read_but_stop_does() {
        GuestRef g = GuestRef.qemu("pve1", 120);
        stubOwnedConfig(g, UUID.randomUUID());
        wm.stubFor(post(urlEqualTo("/api2/json/nodes/pve1/qemu/120/status/start")).willReturn(okJson(data("\"" + UPID_START + "\""))));

        assertThat(pve.power(conn, g, PowerAction.START, OURS).type()).isEqualTo("qmstart");
        assertThatThrownBy(() -> pve.power(conn, g, PowerAction.STOP, OURS)).isInstanceOf(PveGuestNotOursException.class);
        assertThat(wm.findAll(getRequestedFor(urlEqualTo("/api2/json/nodes/pve1/qemu/120/config")))).hasSize(1);
        assertThat(wm.findAll(postRequestedFor(urlEqualTo("/api2/json/nodes/pve1/qemu/120/status/stop")))).isEmpty();
    }

    // --- tasks ---------------------------------------------------------------------------

    private static final String TASK_PATH = "/api2/json/nodes/pve1/tasks/UPID%3Apve1%3A002F1A3D%3A0A1B2C3E%3A66A1B2C4%3Aqmstart%3A120%3Aproxima%40pve%21api%3A";

    @Test
    void await_polls_the_url_encoded_upid_until_ok() {
        wm.stubFor(get(urlEqualTo(TASK_PATH + "/status")).inScenario("t").whenScenarioStateIs(Scenario.STARTED)
                .willSetStateTo("r2").willReturn(okJson(data("{\"status\":\"running\",\"upid\":\"" + UPID_START + "\"}"))));
        wm.stubFor(get(urlEqualTo(TASK_PATH + "/status")).inScenario("t").whenScenarioStateIs("r2")
                .willSetStateTo("done").willReturn(aResponse().withStatus(400).withStatusMessage("no such task")
                        .withBody("{\"data\":null,\"message\":\"upid: no such task\\n\"}")));
        wm.stubFor(get(urlEqualTo(TASK_PATH + "/status")).inScenario("t").whenScenarioStateIs("done")
                .willReturn(okJson(data("{\"status\":\"stopped\",\"exitstatus\":\"OK\"}"))));

        TaskResult r = pve.awaitTask(conn, Upid.parse(UPID_START), Duration.ofSeconds(5));

        assertThat(r.exitStatus()).isEqualTo("OK");
        assertThat(r.warnings()).isZero();
        assertThat(wm.findAll(getRequestedFor(urlEqualTo(TASK_PATH + "/status")))).hasSize(3);
    }

    @Test
    void warnings_are_success_with_a_count() {
        wm.stubFor(get(urlEqualTo(TASK_PATH + "/status")).willReturn(okJson(data("{\"status\":\"stopped\",\"exitstatus\":\"WARNINGS: 2\"}"))));
        wm.stubFor(get(urlPathEqualTo(TASK_PATH + "/log")).willReturn(okJson("{\"data\":[{\"n\":1,\"t\":\"warning: x\"}],\"total\":1}")));

        assertThat(pve.awaitTask(conn, Upid.parse(UPID_START), Duration.ofSeconds(5)).warnings()).isEqualTo(2);
    }

    @Test
    void a_failed_task_carries_its_exit_status_kind_and_log_tail() {
        wm.stubFor(get(urlEqualTo(TASK_PATH + "/status")).willReturn(okJson(data(
                "{\"status\":\"stopped\",\"exitstatus\":\"VM 120 already running\"}"))));
        wm.stubFor(get(urlEqualTo(TASK_PATH + "/log?start=0&limit=10")).willReturn(okJson(
                "{\"data\":[{\"n\":1,\"t\":\"line 1\"}],\"total\":25}")));
        wm.stubFor(get(urlEqualTo(TASK_PATH + "/log?start=15&limit=10")).willReturn(okJson(
                "{\"data\":[{\"n\":24,\"t\":\"trying to start\"},{\"n\":25,\"t\":\"TASK ERROR: VM 120 already running\"}],\"total\":25}")));

        assertThatThrownBy(() -> pve.awaitTask(conn, Upid.parse(UPID_START), Duration.ofSeconds(5)))
                .isInstanceOfSatisfying(PveTaskFailedException.class, e -> {
                    assertThat(e.exitStatus()).isEqualTo("VM 120 already running");
                    assertThat(e.kind()).isEqualTo(PveTaskFailedException.Kind.GUEST_STATE);
                    assertThat(e.logTail()).containsExactly("trying to start", "TASK ERROR: VM 120 already running");
                });
    }

    @Test
    void poll_task_looks_once_without_waiting() {
        wm.stubFor(get(urlEqualTo(TASK_PATH + "/status")).willReturn(okJson(data("{\"status\":\"running\"}"))));
        assertThat(pve.pollTask(conn, Upid.parse(UPID_START))).isEmpty();
        assertThat(wm.findAll(getRequestedFor(urlEqualTo(TASK_PATH + "/status")))).hasSize(1);
    }

    @Test
    void a_task_failing_with_a_passing_fault_is_transient() {
        wm.stubFor(get(urlEqualTo(TASK_PATH + "/status")).willReturn(okJson(data(
                "{\"status\":\"stopped\",\"exitstatus\":\"got timeout\"}"))));
        wm.stubFor(get(urlPathEqualTo(TASK_PATH + "/log")).willReturn(okJson("{\"data\":[],\"total\":0}")));
        assertThatThrownBy(() -> pve.pollTask(conn, Upid.parse(UPID_START)))
                .isInstanceOfSatisfying(PveTaskFailedException.class,
                        e -> assertThat(e.kind()).isEqualTo(PveTaskFailedException.Kind.TRANSIENT));
    }

    @Test
    void http_5xx_without_a_known_meaning_is_transient_and_400_is_permanent() {
        wm.stubFor(get(urlEqualTo("/api2/json/nodes/pve1/status")).willReturn(aResponse().withStatus(502)
                .withStatusMessage("Bad Gateway")));
        assertThatThrownBy(() -> pve.nodeStatus(conn, "pve1")).isInstanceOf(PveUnreachableException.class);

        wm.stubFor(get(urlEqualTo("/api2/json/nodes/pve2/status")).willReturn(aResponse().withStatus(500)
                .withStatusMessage("got timeout").withBody(pveError("got timeout"))));
        assertThatThrownBy(() -> pve.nodeStatus(conn, "pve2")).isInstanceOf(PveUnreachableException.class);

        wm.stubFor(get(urlEqualTo("/api2/json/nodes/pve3/status")).willReturn(aResponse().withStatus(400)
                .withStatusMessage("Parameter verification failed.")
                .withBody("{\"data\":null,\"errors\":{\"node\":\"invalid format\"}}")));
        assertThatThrownBy(() -> pve.nodeStatus(conn, "pve3")).isInstanceOf(PveParameterException.class);
    }

    @Test
    void a_task_still_running_at_the_deadline_times_out() {
        wm.stubFor(get(urlEqualTo(TASK_PATH + "/status")).willReturn(okJson(data("{\"status\":\"running\"}"))));

        assertThatThrownBy(() -> pve.awaitTask(conn, Upid.parse(UPID_START), Duration.ofMillis(150)))
                .isInstanceOf(PveTimeoutException.class);
    }

    // --- snapshots, firewall, migrate, consoles --------------------------------------------

    @Test
    void snapshots_hide_current_and_rollback_checks_identity() {
        GuestRef g = GuestRef.qemu("pve1", 120);
        stubOwnedConfig(g, OURS);
        wm.stubFor(get(urlEqualTo("/api2/json/nodes/pve1/qemu/120/snapshot")).willReturn(okJson(data(
                "[{\"name\":\"current\",\"description\":\"You are here!\",\"parent\":\"before-upgrade\"},"
                        + "{\"name\":\"before-upgrade\",\"description\":\"\",\"snaptime\":\"1700000000\",\"vmstate\":0}]"))));
        wm.stubFor(post(urlEqualTo("/api2/json/nodes/pve1/qemu/120/snapshot/before-upgrade/rollback"))
                .willReturn(okJson(data("\"UPID:pve1:00000001:00000002:66A1B2C5:qmrollback:120:proxima@pve!api:\""))));
        wm.stubFor(post(urlEqualTo("/api2/json/nodes/pve1/qemu/120/snapshot"))
                .willReturn(okJson(data("\"UPID:pve1:00000001:00000002:66A1B2C5:qmsnapshot:120:proxima@pve!api:\""))));

        List<Snapshot> snaps = pve.snapshots(conn, g);
        Upid rb = pve.rollbackSnapshot(conn, g, "before-upgrade", OURS);
        pve.createSnapshot(conn, g, "nightly-1", "before the update");

        assertThat(snaps).extracting(Snapshot::name).containsExactly("before-upgrade");
        assertThat(rb.type()).isEqualTo("qmrollback");
        assertThat(WireForms.decode(only("POST", "/api2/json/nodes/pve1/qemu/120/snapshot/before-upgrade/rollback").getBodyAsString())).isEmpty();
        assertThat(WireForms.decode(wm.findAll(postRequestedFor(urlEqualTo("/api2/json/nodes/pve1/qemu/120/snapshot"))).get(0).getBodyAsString()))
                .containsExactly(entry("snapname", "nightly-1"), entry("description", "before the update"));
        assertThatThrownBy(() -> pve.createSnapshot(conn, g, "current", null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void firewall_rules_round_trip_with_digest_and_integer_enable() {
        GuestRef g = GuestRef.qemu("pve1", 120);
        wm.stubFor(get(urlEqualTo("/api2/json/nodes/pve1/qemu/120/firewall/rules")).willReturn(okJson(data(
                "[{\"pos\":1,\"type\":\"in\",\"action\":\"DROP\",\"enable\":0,\"digest\":\"fw1\"},"
                        + "{\"pos\":0,\"type\":\"in\",\"action\":\"ACCEPT\",\"proto\":\"tcp\",\"dport\":\"22\",\"enable\":1,\"digest\":\"fw1\"}]"))));
        wm.stubFor(any(urlPathEqualTo("/api2/json/nodes/pve1/qemu/120/firewall/rules")).atPriority(10).willReturn(okJson(data("null"))));
        wm.stubFor(any(urlPathEqualTo("/api2/json/nodes/pve1/qemu/120/firewall/rules/1")).willReturn(okJson(data("null"))));
        wm.stubFor(put(urlEqualTo("/api2/json/cluster/firewall/options")).willReturn(okJson(data("null"))));

        FirewallRules rules = pve.firewallRules(conn, g);
        pve.addFirewallRule(conn, g, FirewallRule.of("in", "ACCEPT", "tcp", "443", "0.0.0.0/0", true, "https"), rules.digest());
        pve.updateFirewallRule(conn, g, 1, FirewallRule.of("in", "DROP", null, null, null, false, null), rules.digest());
        pve.deleteFirewallRule(conn, g, 1, rules.digest());
        pve.setClusterFirewallEnabled(conn, true);

        assertThat(rules.digest()).isEqualTo("fw1");
        assertThat(rules.rules()).extracting(FirewallRule::pos).containsExactly(0, 1);
        assertThat(rules.rules().get(0).enabled()).isTrue();
        assertThat(WireForms.decode(only("POST", "/api2/json/nodes/pve1/qemu/120/firewall/rules").getBodyAsString()))
                .containsExactly(entry("type", "in"), entry("action", "ACCEPT"), entry("enable", "1"), entry("source", "0.0.0.0/0"),
                        entry("proto", "tcp"), entry("dport", "443"), entry("comment", "https"), entry("digest", "fw1"));
        assertThat(WireForms.decode(only("PUT", "/api2/json/nodes/pve1/qemu/120/firewall/rules/1").getBodyAsString()))
                .containsEntry("enable", "0").containsEntry("delete", "source,dest,proto,dport,sport,macro,iface,comment");
        LoggedRequest del = only("DELETE", "/api2/json/nodes/pve1/qemu/120/firewall/rules/1");
        assertThat(WireForms.query(del.getUrl())).containsExactly(entry("digest", "fw1"));
        assertThat(WireForms.decode(only("PUT", "/api2/json/cluster/firewall/options").getBodyAsString())).containsExactly(entry("enable", "1"));
    }

    @Test
    void migrate_of_a_running_vm_goes_online() {
        GuestRef g = GuestRef.qemu("pve1", 120);
        stubOwnedConfig(g, OURS);
        wm.stubFor(get(urlEqualTo("/api2/json/nodes/pve1/qemu/120/status/current")).willReturn(okJson(data("{\"status\":\"running\"}"))));
        wm.stubFor(post(urlEqualTo("/api2/json/nodes/pve1/qemu/120/migrate"))
                .willReturn(okJson(data("\"UPID:pve1:00000001:00000002:66A1B2C5:qmigrate:120:proxima@pve!api:\""))));

        pve.migrate(conn, g, "pve2", OURS);

        assertThat(WireForms.decode(only("POST", "/api2/json/nodes/pve1/qemu/120/migrate").getBodyAsString()))
                .containsExactly(entry("target", "pve2"), entry("online", "1"));
    }

    @Test
    void vnc_proxy_asks_for_websocket_mode_and_reads_a_string_port() {
        wm.stubFor(post(urlEqualTo("/api2/json/nodes/pve1/qemu/120/vncproxy")).willReturn(okJson(data(
                "{\"port\":\"5901\",\"ticket\":\"PVEVNC:66A1B2C3::sig\",\"password\":\"pw\",\"user\":\"proxima@pve!api\","
                        + "\"upid\":\"UPID:pve1:00000001:00000002:66A1B2C5:vncproxy:120:proxima@pve!api:\",\"cert\":\"-----BEGIN\"}"))));

        ConsoleTicket t = pve.vncProxy(conn, GuestRef.qemu("pve1", 120));

        assertThat(WireForms.decode(only("POST", "/api2/json/nodes/pve1/qemu/120/vncproxy").getBodyAsString()))
                .containsExactly(entry("websocket", "1"));
        assertThat(t.port()).isEqualTo(5901);
        assertThat(t.password()).isEqualTo("pw");
        assertThat(t.upid().type()).isEqualTo("vncproxy");
    }

    // --- error decoding ------------------------------------------------------------------

    private void stubStatusError(int status, String reason, String body) {
        wm.stubFor(get(urlEqualTo("/api2/json/nodes/pve1/qemu/120/status/current"))
                .willReturn(aResponse().withStatus(status).withStatusMessage(reason).withBody(body)));
    }

    private Throwable statusFailure() {
        try {
            pve.status(conn, GuestRef.qemu("pve1", 120));
        } catch (RuntimeException e) {
            return e;
        }
        throw new AssertionError("expected a failure");
    }

    @Test
    void not_found_is_a_500_saying_does_not_exist_in_the_reason_phrase_only() {
        stubStatusError(500, "Configuration file 'nodes/pve1/qemu-server/120.conf' does not exist", "{\"data\":null}");
        assertThat(statusFailure()).isInstanceOf(PveNotFoundException.class)
                .hasMessageContaining("does not exist");
    }

    @Test
    void the_json_message_is_preferred_over_the_one_line_reason() {
        stubStatusError(500, "VM is locked (clone)", pveError("VM is locked (clone)"));
        assertThat(statusFailure()).isInstanceOfSatisfying(PveLockedException.class, e -> assertThat(e.lock()).isEqualTo("clone"));
    }

    @Test
    void every_error_class_is_typed() {
        stubStatusError(500, "can't lock file '/var/lock/qemu-server/lock-120.conf' - got timeout", "{\"data\":null}");
        assertThat(statusFailure()).isInstanceOf(PveLockTimeoutException.class);
        stubStatusError(500, "VM 120 not running", pveError("VM 120 not running"));
        assertThat(statusFailure()).isInstanceOf(PveGuestStateException.class);
        stubStatusError(500, "VM 120 already running", pveError("VM 120 already running"));
        assertThat(statusFailure()).isInstanceOf(PveGuestStateException.class);
        stubStatusError(500, "detected modified configuration - file changed by other user? Try again.", "{\"data\":null}");
        assertThat(statusFailure()).isInstanceOf(PveConfigModifiedException.class);
        stubStatusError(400, "Parameter verification failed.", "{\"errors\":{\"cores\":\"value must have a minimum value of 1\"},\"data\":null}");
        assertThat(statusFailure()).isInstanceOfSatisfying(PveParameterException.class,
                e -> assertThat(e.errors()).containsEntry("cores", "value must have a minimum value of 1"));
        stubStatusError(403, "Permission check failed (/vms/120, VM.Audit)", pveError("Permission check failed (/vms/120, VM.Audit)"));
        assertThat(statusFailure()).isInstanceOf(PvePermissionException.class).hasMessageContaining("VM.Audit");
        stubStatusError(595, "Connection refused", "");
        assertThat(statusFailure()).isInstanceOf(PveUnreachableException.class);
        stubStatusError(501, "Method 'GET /nodes/pve1/qemu/120/status/current' not implemented", "");
        assertThat(statusFailure()).isExactlyInstanceOf(PveException.class);
    }

    @Test
    void a_401_without_body_is_an_authentication_failure() {
        stubStatusError(401, "No ticket", "");
        assertThat(statusFailure()).isInstanceOf(PveAuthenticationException.class).hasMessageContaining("No ticket");
    }

    @Test
    void connection_reset_is_unreachable() {
        wm.stubFor(get(urlEqualTo("/api2/json/version")).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        assertThatThrownBy(() -> pve.version(conn)).isInstanceOf(PveUnreachableException.class);
    }

    @Test
    void empty_and_malformed_bodies_are_protocol_errors() {
        wm.stubFor(get(urlEqualTo("/api2/json/version")).willReturn(aResponse().withStatus(200).withBody("")));
        assertThatThrownBy(() -> pve.version(conn)).isInstanceOf(PveProtocolException.class);
        wm.stubFor(get(urlEqualTo("/api2/json/version")).willReturn(aResponse().withStatus(200).withBody("{\"data\":{\"version\":")));
        assertThatThrownBy(() -> pve.version(conn)).isInstanceOf(PveProtocolException.class);
        wm.stubFor(get(urlEqualTo("/api2/json/version")).willReturn(aResponse().withStatus(200).withBody("<html>proxy</html>")));
        assertThatThrownBy(() -> pve.version(conn)).isInstanceOf(PveProtocolException.class);
    }

    @Test
    void a_10_second_stall_hits_the_request_timeout() {
        wm.stubFor(get(urlEqualTo("/api2/json/version")).willReturn(okJson(data("{}")).withFixedDelay(10_000)));
        long start = System.nanoTime();
        assertThatThrownBy(() -> pve.version(conn)).isInstanceOf(PveTimeoutException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
    }

    @Test
    void the_node_breaker_opens_after_repeated_transport_failures() {
        wm.stubFor(get(urlEqualTo("/api2/json/version")).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> pve.version(conn)).isInstanceOf(PveUnreachableException.class);
        }
        int before = wm.getAllServeEvents().size();

        assertThatThrownBy(() -> pve.version(conn)).isInstanceOf(PveUnreachableException.class).hasMessageContaining("circuit open");
        assertThat(wm.getAllServeEvents()).hasSize(before);
        assertThat(pve.circuitOpen(conn)).isTrue();
    }

    // --- ticket auth ---------------------------------------------------------------------

    @Test
    void ticket_auth_logs_in_sends_cookie_and_csrf_on_writes_only() {
        PveNodeConnection ticketConn = new PveNodeConnection(URI.create("http://127.0.0.1:" + wm.port()),
                new PveCredentials.UserPassword("proxima@pve", "pw"), PveTlsTrust.system());
        wm.stubFor(post(urlEqualTo("/api2/json/access/ticket")).willReturn(okJson(data(
                "{\"username\":\"proxima@pve\",\"ticket\":\"PVE:proxima@pve:66A1B2C3::sig\",\"CSRFPreventionToken\":\"66A1B2C3:csrf\"}"))));
        wm.stubFor(get(urlEqualTo("/api2/json/version")).willReturn(okJson(data("{\"version\":\"9.1.2\"}"))));
        wm.stubFor(post(urlEqualTo("/api2/json/nodes/pve1/qemu/120/status/start")).willReturn(okJson(data("\"" + UPID_START + "\""))));

        pve.version(ticketConn);
        pve.power(ticketConn, GuestRef.qemu("pve1", 120), PowerAction.START, OURS);

        assertThat(WireForms.decode(only("POST", "/api2/json/access/ticket").getBodyAsString()))
                .containsExactly(entry("username", "proxima@pve"), entry("password", "pw"));
        LoggedRequest read = only("GET", "/api2/json/version");
        assertThat(read.getHeader("Cookie")).isEqualTo("PVEAuthCookie=PVE:proxima@pve:66A1B2C3::sig");
        assertThat(read.containsHeader("CSRFPreventionToken")).isFalse();
        assertThat(read.containsHeader("Authorization")).isFalse();
        assertThat(only("POST", "/api2/json/nodes/pve1/qemu/120/status/start").getHeader("CSRFPreventionToken")).isEqualTo("66A1B2C3:csrf");
    }

    @Test
    void tokens_with_a_bad_format_are_refused_before_any_call() {
        assertThatThrownBy(() -> PveNodeConnection.withToken("http://127.0.0.1:1", "root", "x", PveTlsTrust.system()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PveNodeConnection.withToken("http://10.0.0.5:8006", TOKEN_ID, SECRET, PveTlsTrust.system()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("https");
        assertThat(conn.toString()).doesNotContain(SECRET);
    }

    static Set<String> unused() {
        return Set.of(anyUrl().toString(), deleteRequestedFor(anyUrl()).toString(), equalTo("x").toString());
    }
}
