package io.proxima.adapter.out.proxmox;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.proxima.adapter.out.proxmox.simulator.PveSimulator;
import io.proxima.adapter.out.proxmox.simulator.SimulatorSettings;
import io.proxima.application.hypervisor.port.out.CloneSpec;
import io.proxima.application.hypervisor.port.out.ConfigChange;
import io.proxima.application.hypervisor.port.out.CreatedGuest;
import io.proxima.application.hypervisor.port.out.FirewallOptions;
import io.proxima.application.hypervisor.port.out.FirewallRule;
import io.proxima.application.hypervisor.port.out.GuestRef;
import io.proxima.application.hypervisor.port.out.LxcCreateSpec;
import io.proxima.application.hypervisor.port.out.PowerAction;
import io.proxima.application.hypervisor.port.out.PveNodeConnection;
import io.proxima.application.hypervisor.port.out.PveTlsTrust;
import io.proxima.application.hypervisor.port.out.QemuCreateSpec;
import io.proxima.application.hypervisor.port.out.ResourceKind;
import io.proxima.application.hypervisor.port.out.RrdConsolidation;
import io.proxima.application.hypervisor.port.out.RrdTimeframe;
import io.proxima.application.hypervisor.port.out.StorageContentType;
import io.proxima.application.hypervisor.port.out.Upid;
import io.vertx.core.Vertx;
import java.io.File;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every request the adapter sends during a tour of all operations, captured by WireMock (which
 * proxies to the simulator for realistic answers), checked against the official PVE schema in
 * ../shared/pve-api/apidoc.json: path exists, method allowed, no unknown parameter, required
 * parameters present, booleans 0/1, enums, integer ranges and patterns. Skipped when the schema
 * file is not next to the project, except on CI ({@code CI=true}), where a missing schema fails
 * the build instead of silently dropping the check.
 */
class ApidocConformanceTest {

    private static File schemaFile() {
        for (String candidate : List.of("../../shared/pve-api/apidoc.json", "../shared/pve-api/apidoc.json", "../../../shared/pve-api/apidoc.json")) {
            File f = new File(candidate);
            if (f.isFile()) {
                return f;
            }
        }
        return null;
    }

    /** On CI the schema must be there: a skipped conformance check would pass unnoticed. */
    static void requireSchemaOnCi(File schema, String ci) {
        if (schema == null && "true".equalsIgnoreCase(ci == null ? "" : ci.trim())) {
            throw new AssertionError("CI=true but ../shared/pve-api/apidoc.json is missing: the PVE schema "
                    + "conformance check cannot run; provide the schema next to the checkout");
        }
    }

    @Test
    void a_missing_schema_fails_on_ci_and_only_skips_elsewhere() {
        assertThatThrownBy(() -> requireSchemaOnCi(null, "true")).isInstanceOf(AssertionError.class)
                .hasMessageContaining("apidoc.json");
        requireSchemaOnCi(null, null);
        requireSchemaOnCi(null, "false");
        requireSchemaOnCi(new File("."), "true");
    }

    @Test
    void every_request_of_every_operation_matches_the_pve_schema() throws Exception {
        File schema = schemaFile();
        requireSchemaOnCi(schema, System.getenv("CI"));
        assumeTrue(schema != null, "apidoc.json not present next to the project: conformance check skipped");
        Map<String, JsonNode> endpoints = new HashMap<>();
        for (JsonNode root : PveJson.MAPPER.readTree(schema)) {
            index(root, endpoints);
        }

        Vertx vertx = Vertx.vertx();
        PveSimulator sim = new PveSimulator(vertx, SimulatorSettings.forTests()).start();
        WireMockServer wm = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        wm.start();
        wm.stubFor(any(anyUrl()).willReturn(aResponse().proxiedFrom(sim.baseUrl())));
        ProxmoxHypervisor pve = new ProxmoxHypervisor(vertx, PveClientSettings.defaults()
                .withTaskPolling(Duration.ofMillis(10), Duration.ofMillis(50)), System::currentTimeMillis);
        try {
            PveNodeConnection conn = PveNodeConnection.withToken("http://127.0.0.1:" + wm.port(), sim.endpoint().tokenId(),
                    sim.endpoint().tokenSecret(), PveTlsTrust.system());
            tour(pve, conn);

            List<LoggedRequest> sent = wm.getAllServeEvents().stream().map(e -> e.getRequest()).toList();
            assertThat(sent).hasSizeGreaterThan(40);
            List<String> violations = new ArrayList<>();
            Set<String> covered = new LinkedHashSet<>();
            for (LoggedRequest r : sent) {
                violations.addAll(check(r, endpoints, covered));
            }
            assertThat(violations).as("requests that break apidoc.json").isEmpty();
            assertThat(covered).as("endpoints exercised").hasSizeGreaterThan(30);
        } finally {
            pve.closeClients();
            wm.stop();
            sim.stop();
            vertx.close();
        }
    }

    private static void tour(ProxmoxHypervisor pve, PveNodeConnection conn) {
        Duration wait = Duration.ofSeconds(10);
        UUID id = UUID.randomUUID();
        pve.version(conn);
        pve.nodes(conn);
        pve.nodeStatus(conn, "pve-sim1");
        pve.nodeRrd(conn, "pve-sim1", RrdTimeframe.DAY, RrdConsolidation.MAX);
        pve.clusterResources(conn, ResourceKind.VM);
        pve.clusterResources(conn, ResourceKind.ALL);
        pve.isVmidFree(conn, 9000);
        String tpl = pve.storageContent(conn, "pve-sim1", "local", StorageContentType.VZTMPL).get(0).volid();

        CreatedGuest vm = pve.cloneGuest(conn, new CloneSpec(GuestRef.qemu("pve-sim1", 9000), null, null, "web1", id, false, null, null));
        pve.awaitTask(conn, vm.upid(), wait);
        GuestRef g = vm.guest();
        pve.tagAsOwned(conn, g, id).ifPresent(u -> pve.awaitTask(conn, u, wait));
        pve.updateConfig(conn, g, ConfigChange.builder().cores(2).memoryMb(2048).name("web1").ciUser("admin").ciPassword("pw")
                .sshKeys(List.of("ssh-ed25519 AAAAC3Nza+x= a@b")).ipConfig(0, "dhcp", null).nameservers(List.of("1.1.1.1"))
                .digest(pve.config(conn, g).digest()).build()).ifPresent(u -> pve.awaitTask(conn, u, wait));
        pve.setNicFirewall(conn, g, 0, true).ifPresent(u -> pve.awaitTask(conn, u, wait));
        pve.setNicRateLimit(conn, g, 0, 100).ifPresent(u -> pve.awaitTask(conn, u, wait));
        pve.awaitTask(conn, pve.resizeDisk(conn, g, id, "scsi0", "+5G"), wait);
        for (PowerAction a : List.of(PowerAction.START, PowerAction.SUSPEND, PowerAction.RESUME, PowerAction.REBOOT, PowerAction.RESET,
                PowerAction.SHUTDOWN, PowerAction.START, PowerAction.STOP)) {
            pve.awaitTask(conn, pve.power(conn, g, a, id), wait);
        }
        pve.status(conn, g);
        pve.awaitTask(conn, pve.createSnapshot(conn, g, "snap1", "before"), wait);
        pve.snapshots(conn, g);
        pve.awaitTask(conn, pve.rollbackSnapshot(conn, g, "snap1", id), wait);
        pve.awaitTask(conn, pve.deleteSnapshot(conn, g, "snap1", id), wait);
        pve.addFirewallRule(conn, g, FirewallRule.of("in", "ACCEPT", "tcp", "22", "10.0.0.0/8", true, "ssh"), pve.firewallRules(conn, g).digest());
        pve.updateFirewallRule(conn, g, 0, FirewallRule.of("in", "DROP", "tcp", "22", null, false, null), pve.firewallRules(conn, g).digest());
        pve.deleteFirewallRule(conn, g, 0, pve.firewallRules(conn, g).digest());
        FirewallOptions o = pve.firewallOptions(conn, g);
        pve.setFirewallOptions(conn, g, new FirewallOptions(true, "DROP", "ACCEPT", true, true, o.digest()));
        pve.clusterFirewallEnabled(conn);
        pve.setClusterFirewallEnabled(conn, true);
        pve.guestRrd(conn, g, RrdTimeframe.HOUR, RrdConsolidation.AVERAGE);
        pve.vncProxy(conn, g);
        pve.termProxy(conn, g);
        pve.awaitTask(conn, pve.power(conn, g, PowerAction.START, id), wait);
        Upid mig = pve.migrate(conn, g, "pve-sim2", id);
        pve.awaitTask(conn, mig, wait);
        GuestRef moved = g.onNode("pve-sim2");
        pve.awaitTask(conn, pve.power(conn, moved, PowerAction.STOP, id), wait);
        pve.taskLogTail(conn, mig, 5);
        pve.awaitTask(conn, pve.destroy(conn, moved, id), wait);

        UUID qid = UUID.randomUUID();
        CreatedGuest q = pve.createQemu(conn, new QemuCreateSpec("pve-sim2", null, qid, "iso-vm", 2, 1024, "local-lvm", 16, "vmbr0",
                "local:iso/debian-12.7.0-amd64-netinst.iso", null));
        pve.awaitTask(conn, q.upid(), wait);

        UUID cid = UUID.randomUUID();
        CreatedGuest ct = pve.createLxc(conn, new LxcCreateSpec("pve-sim1", null, cid, "ct1", tpl, "local-lvm", 8, 1, 512, 256, "vmbr0",
                "10.0.0.5/24", "10.0.0.1", 10, "secret-pw", List.of("ssh-ed25519 AAAA k"), true));
        pve.awaitTask(conn, ct.upid(), wait);
        GuestRef c = ct.guest();
        pve.updateConfig(conn, c, ConfigChange.builder().cores(2).memoryMb(1024).hostname("ct1b").digest(pve.config(conn, c).digest()).build());
        pve.awaitTask(conn, pve.resizeDisk(conn, c, cid, "rootfs", "+2G"), wait);
        pve.awaitTask(conn, pve.power(conn, c, PowerAction.START, cid), wait);
        pve.vncProxy(conn, c);
        pve.termProxy(conn, c);
        pve.awaitTask(conn, pve.migrate(conn, c, "pve-sim2", cid), wait);
        GuestRef cm = c.onNode("pve-sim2");
        pve.awaitTask(conn, pve.power(conn, cm, PowerAction.SHUTDOWN, cid), wait);
        pve.awaitTask(conn, pve.createSnapshot(conn, cm, "s1", null), wait);
        pve.awaitTask(conn, pve.rollbackSnapshot(conn, cm, "s1", cid), wait);
        pve.awaitTask(conn, pve.destroy(conn, cm, cid), wait);
    }

    private static void index(JsonNode node, Map<String, JsonNode> out) {
        out.put(node.path("path").asText(), node);
        for (JsonNode child : PveJson.items(node.get("children"))) {
            index(child, out);
        }
    }

    /** Finds the schema entry for a concrete path: literal segments first, then placeholders. */
    private static JsonNode match(String path, Map<String, JsonNode> endpoints, Map<String, String> pathParams) {
        String[] segs = path.split("/");
        outer:
        for (Map.Entry<String, JsonNode> e : endpoints.entrySet()) {
            String[] tpl = e.getKey().split("/");
            if (tpl.length != segs.length) {
                continue;
            }
            Map<String, String> found = new HashMap<>();
            for (int i = 0; i < tpl.length; i++) {
                if (tpl[i].startsWith("{")) {
                    found.put(tpl[i].substring(1, tpl[i].length() - 1), segs[i]);
                } else if (!tpl[i].equals(segs[i])) {
                    continue outer;
                }
            }
            boolean literalBetter = endpoints.containsKey(path);
            if (literalBetter && !e.getKey().equals(path)) {
                continue;
            }
            pathParams.putAll(found);
            return e.getValue();
        }
        return null;
    }

    private static List<String> check(LoggedRequest r, Map<String, JsonNode> endpoints, Set<String> covered) {
        List<String> v = new ArrayList<>();
        String url = r.getUrl();
        String method = r.getMethod().getName();
        String rawPath = url.contains("?") ? url.substring(0, url.indexOf('?')) : url;
        String path = URLDecoder.decode(rawPath.substring("/api2/json".length()), StandardCharsets.UTF_8);
        Map<String, String> params = new HashMap<>();
        JsonNode ep = match(path, endpoints, params);
        String where = method + " " + path;
        if (ep == null) {
            return List.of(where + ": path not in apidoc.json");
        }
        JsonNode info = ep.path("info").path(method);
        if (info.isMissingNode()) {
            return List.of(where + ": method not allowed on " + ep.path("path").asText());
        }
        covered.add(method + " " + ep.path("path").asText());
        Map<String, String> sent = new HashMap<>();
        if (method.equals("GET") || method.equals("DELETE")) {
            if (!r.getBodyAsString().isEmpty()) {
                v.add(where + ": body on " + method);
            }
            sent.putAll(WireForms.query(url));
        } else {
            if (url.contains("?")) {
                v.add(where + ": query string on " + method);
            }
            if (!r.getBodyAsString().isEmpty() && !r.getHeader("Content-Type").startsWith("application/x-www-form-urlencoded")) {
                v.add(where + ": body not form-encoded");
            }
            sent.putAll(WireForms.decode(r.getBodyAsString()));
        }
        JsonNode props = info.path("parameters").path("properties");
        for (Map.Entry<String, String> p : sent.entrySet()) {
            if (params.containsKey(p.getKey())) {
                v.add(where + ": parameter " + p.getKey() + " repeats a path value");
            }
            JsonNode def = definition(props, p.getKey());
            if (def == null) {
                v.add(where + ": unknown parameter " + p.getKey());
                continue;
            }
            v.addAll(checkValue(where, p.getKey(), p.getValue(), def));
        }
        props.fields().forEachRemaining(f -> {
            boolean required = f.getValue().path("optional").asInt(0) == 0;
            if (required && !sent.containsKey(f.getKey()) && !params.containsKey(f.getKey())) {
                v.add(where + ": required parameter " + f.getKey() + " missing");
            }
        });
        return v;
    }

    /** {@code net0} is defined as {@code net[n]} in the schema. */
    private static JsonNode definition(JsonNode props, String key) {
        if (props.has(key)) {
            return props.get(key);
        }
        String base = key.replaceAll("\\d+$", "");
        return !base.equals(key) && props.has(base + "[n]") ? props.get(base + "[n]") : null;
    }

    private static List<String> checkValue(String where, String key, String value, JsonNode def) {
        List<String> v = new ArrayList<>();
        String type = def.path("type").asText("string");
        switch (type) {
            case "boolean" -> {
                if (!value.equals("0") && !value.equals("1")) {
                    v.add(where + ": " + key + " must be 0/1, got " + value);
                }
            }
            case "integer" -> {
                if (!value.matches("-?\\d+")) {
                    v.add(where + ": " + key + " must be an integer, got " + value);
                } else {
                    long n = Long.parseLong(value);
                    if (def.has("minimum") && n < def.get("minimum").asLong()) {
                        v.add(where + ": " + key + "=" + n + " below minimum " + def.get("minimum"));
                    }
                    if (def.has("maximum") && n > def.get("maximum").asLong()) {
                        v.add(where + ": " + key + "=" + n + " above maximum " + def.get("maximum"));
                    }
                }
            }
            case "number" -> {
                if (!value.matches("-?\\d+(\\.\\d+)?")) {
                    v.add(where + ": " + key + " must be a number, got " + value);
                }
            }
            default -> {
                if (def.has("enum")) {
                    Set<String> allowed = new LinkedHashSet<>();
                    def.get("enum").forEach(e -> allowed.add(e.asText()));
                    if (!allowed.contains(value)) {
                        v.add(where + ": " + key + "=" + value + " not in " + allowed);
                    }
                }
                if (def.has("pattern")) {
                    String perl = def.get("pattern").asText();
                    try {
                        if (!Pattern.compile(perl).matcher(value).matches() && !Pattern.compile(perl).matcher(value).find()) {
                            v.add(where + ": " + key + "=" + value + " does not match " + perl);
                        }
                    } catch (RuntimeException perlOnlySyntax) {
                        // a Perl-only construct: PVE checks it, Java cannot
                    }
                }
                if (def.has("maxLength") && value.length() > def.get("maxLength").asInt()) {
                    v.add(where + ": " + key + " longer than " + def.get("maxLength"));
                }
            }
        }
        return v;
    }
}
