package io.proxima.bootstrap.vm;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;

import io.proxima.bootstrap.contract.ValidatesOpenApi;
import io.proxima.adapter.out.proxmox.simulator.PveSimulatorEndpoint;
import io.proxima.adapter.out.proxmox.simulator.SimulatedPveCluster;
import io.proxima.application.node.port.in.NodeAdministrationUseCase;
import io.proxima.bootstrap.identity.IdentityApi;
import io.proxima.bootstrap.identity.IdentityApi.Account;
import io.proxima.bootstrap.support.GreenMailResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 5's remaining VM work against the simulator: the audit trail of VM actions, migration,
 * rename and plan change (resize with proration), and reinstall.
 */
@QuarkusTest
@ValidatesOpenApi
@QuarkusTestResource(GreenMailResource.class)
class VmExtrasFlowTest {

    @Inject
    SimulatedPveCluster cluster;

    @Inject
    OperationsDrain operations;

    @Inject
    NodeAdministrationUseCase nodes;

    private PveSimulatorEndpoint sim() {
        return cluster.endpoint().orElseThrow();
    }

    private void drain() {
        operations.drain();
    }

    private record Running(VmFixtures.Catalog catalog, Account admin, Account owner, Account stranger, String vmId) {
    }

    private Running runningVm(String hostname) {
        Account admin = IdentityApi.admin();
        VmFixtures.Catalog c = VmFixtures.catalog(admin, sim(), 1024, 2, "0.10");
        nodes.heartbeatAll();
        Account owner = VmFixtures.customerWithBalance(admin, "20.00");
        Account stranger = VmFixtures.customerWithBalance(admin, null);
        Response accepted = owner.as().contentType(ContentType.JSON).body(VmFixtures.order(c, hostname)).post("/api/v1/vms");
        assertThat(accepted.statusCode()).as(accepted.asString()).isEqualTo(202);
        String vmId = accepted.path("data.vm.id");
        drain();
        owner.as().get("/api/v1/vms/" + vmId).then().statusCode(200).body("data.status", is("running"));
        return new Running(c, admin, owner, stranger, vmId);
    }

    /** The guest's config as PVE (the simulator) holds it. */
    private Map<String, Object> pveConfig(String pveNode, int vmid) {
        return given().header("Authorization", "PVEAPIToken=" + sim().tokenId() + "=" + sim().tokenSecret())
                .get(sim().baseUrl() + "/api2/json/nodes/" + pveNode + "/qemu/" + vmid + "/config")
                .then().statusCode(200).extract().path("data");
    }

    private String node(Account admin, String pveNode, String apiUrl, String location, boolean enabled) {
        Map<String, Object> node = new HashMap<>();
        node.put("name", "sim-extra-" + Long.toString(System.nanoTime(), 36));
        node.put("pve_node", pveNode);
        node.put("api_url", apiUrl);
        node.put("api_token_id", sim().tokenId());
        node.put("api_token_secret", sim().tokenSecret());
        node.put("location", location);
        node.put("memory_overcommit", 1.0);
        node.put("enabled", enabled);
        Response r = admin.as().contentType(ContentType.JSON).body(node).post("/api/v1/nodes");
        assertThat(r.statusCode()).as(r.asString()).isEqualTo(201);
        return r.path("data.id");
    }

    @Test
    void vm_actions_are_audited_with_their_result_for_the_owner() {
        Running r = runningVm("audited-1");
        r.owner().as().post("/api/v1/vms/" + r.vmId() + "/stop").then().statusCode(200);
        VmFixtures.assertEnvelope(r.owner().as().post("/api/v1/vms/" + r.vmId() + "/stop"), 409, 40902);
        r.admin().as().contentType(ContentType.JSON).body(Map.of("reason", "abuse"))
                .post("/api/v1/vms/" + r.vmId() + "/suspend").then().statusCode(200);
        r.admin().as().post("/api/v1/vms/" + r.vmId() + "/unsuspend").then().statusCode(200);
        r.owner().as().contentType(ContentType.JSON).body(Map.of("name", "snap1"))
                .post("/api/v1/vms/" + r.vmId() + "/snapshots").then().statusCode(202);
        drain();
        Response rule = r.owner().as().contentType(ContentType.JSON)
                .body(Map.of("direction", "inbound", "action", "accept", "protocol", "tcp", "port", "22"))
                .post("/api/v1/vms/" + r.vmId() + "/firewall");
        assertThat(rule.statusCode()).as(rule.asString()).isEqualTo(201);
        r.owner().as().delete("/api/v1/vms/" + r.vmId()).then().statusCode(202);
        drain();

        Response logs = r.owner().as().queryParam("limit", 100).get("/api/v1/audit-logs");
        assertThat(logs.statusCode()).as(logs.asString()).isEqualTo(200);
        List<Map<String, Object>> records = logs.path("data");
        List<String> vmRecords = records.stream().filter(m -> r.vmId().equals(m.get("resource_id")))
                .map(m -> m.get("action") + ":" + m.get("result")).toList();
        assertThat(vmRecords).contains("vm.create:success", "vm.provision.succeeded:success", "vm.stop:success",
                "vm.stop:failure", "vm.suspend:success", "vm.unsuspend:success", "vm.snapshot.create:success",
                "vm.snapshot.succeeded:success", "vm.firewall.create:success", "vm.delete:success",
                "vm.delete.succeeded:success");
        // The stranger sees none of them.
        List<Map<String, Object>> theirs = r.stranger().as().queryParam("limit", 100).get("/api/v1/audit-logs").path("data");
        assertThat(theirs).noneMatch(m -> r.vmId().equals(m.get("resource_id")));
    }

    @Test
    void admin_migrates_a_running_vm_to_another_node_of_the_cluster() {
        Running r = runningVm("migrating-1");
        String pveTarget = sim().nodes().get(1);
        String target = node(r.admin(), pveTarget, sim().baseUrl(), r.catalog().location(), true);
        String otherCluster = node(r.admin(), pveTarget, sim().baseUrl().replace("127.0.0.1", "localhost"),
                r.catalog().location(), true);
        String disabled = node(r.admin(), pveTarget, sim().baseUrl(), r.catalog().location(), false);
        nodes.heartbeatAll();
        String path = "/api/v1/vms/" + r.vmId() + "/migrate";

        // Admin only; refused targets never reach PVE.
        r.owner().as().contentType(ContentType.JSON).body(Map.of("target_node_id", target)).post(path).then().statusCode(403);
        VmFixtures.assertEnvelope(r.admin().as().contentType(ContentType.JSON).body(Map.of("target_node_id", otherCluster))
                .post(path), 422, 42201);
        VmFixtures.assertEnvelope(r.admin().as().contentType(ContentType.JSON).body(Map.of("target_node_id", r.catalog().nodeId()))
                .post(path), 422, 42201);
        VmFixtures.assertEnvelope(r.admin().as().contentType(ContentType.JSON).body(Map.of("target_node_id", disabled))
                .post(path), 409, 40901);

        Response accepted = r.admin().as().contentType(ContentType.JSON).body(Map.of("target_node_id", target)).post(path);
        assertThat(accepted.statusCode()).as(accepted.asString()).isEqualTo(202);
        assertThat((String) accepted.path("data.operation.type")).isEqualTo("migrate");
        String opId = accepted.path("data.operation.id");
        drain();
        r.owner().as().get("/api/v1/operations/" + opId).then().statusCode(200).body("data.status", is("succeeded"));
        Response vm = r.owner().as().get("/api/v1/vms/" + r.vmId());
        vm.then().statusCode(200).body("data.node", is(pveTarget)).body("data.status", is("running"));
        int vmid = vm.path("data.vmid");
        assertThat(pveConfig(pveTarget, vmid).get("tags").toString()).contains(r.vmId());
        // Actions go to the new node.
        r.owner().as().post("/api/v1/vms/" + r.vmId() + "/stop").then().statusCode(200).body("data.status", is("stopped"));
        VmFixtures.assertEnvelope(r.admin().as().contentType(ContentType.JSON).body(Map.of())
                .post(path), 422, 42201);
    }

    @Test
    void rename_and_plan_change_with_version_checks() {
        Running r = runningVm("resize-1");
        Response current = r.owner().as().get("/api/v1/vms/" + r.vmId());
        int version = current.path("data.version");
        int vmid = current.path("data.vmid");
        String pveNode = current.path("data.node");

        // Rename only: synchronous, PVE's name follows.
        Response renamed = r.owner().as().contentType(ContentType.JSON)
                .body(Map.of("hostname", "resize-renamed", "version", version)).put("/api/v1/vms/" + r.vmId());
        assertThat(renamed.statusCode()).as(renamed.asString()).isEqualTo(200);
        assertThat((String) renamed.path("data.hostname")).isEqualTo("resize-renamed");
        assertThat(pveConfig(pveNode, vmid).get("name")).isEqualTo("resize-renamed");
        // The old version is stale now.
        VmFixtures.assertEnvelope(r.owner().as().contentType(ContentType.JSON)
                .body(Map.of("hostname", "again", "version", version)).put("/api/v1/vms/" + r.vmId()), 409, 40901);
        VmFixtures.assertEnvelope(r.owner().as().contentType(ContentType.JSON)
                .body(Map.of("hostname", "-bad_host-")).put("/api/v1/vms/" + r.vmId()), 422, 42201);
        VmFixtures.assertEnvelope(r.stranger().as().contentType(ContentType.JSON)
                .body(Map.of("hostname", "mine")).put("/api/v1/vms/" + r.vmId()), 404, 40401);

        String bigger = plan(r.admin(), 2, 2048, 30);
        String smallerDisk = plan(r.admin(), 1, 512, 10);
        String lxc = r.admin().as().contentType(ContentType.JSON)
                .body(Map.of("name", "LXC " + System.nanoTime(), "type", "lxc", "cpu_cores", 1, "memory_mb", 512,
                        "disk_gb", 20, "price_hourly", "0.05", "price_monthly", "20.00", "currency", "USD"))
                .post("/api/v1/plans").then().statusCode(201).extract().path("data.id");
        VmFixtures.assertEnvelope(r.owner().as().contentType(ContentType.JSON)
                .body(Map.of("plan_id", smallerDisk)).put("/api/v1/vms/" + r.vmId()), 422, 42201);
        VmFixtures.assertEnvelope(r.owner().as().contentType(ContentType.JSON)
                .body(Map.of("plan_id", lxc)).put("/api/v1/vms/" + r.vmId()), 422, 42201);

        int now = r.owner().as().get("/api/v1/vms/" + r.vmId()).path("data.version");
        Response resize = r.owner().as().contentType(ContentType.JSON).body(Map.of("plan_id", bigger, "version", now))
                .put("/api/v1/vms/" + r.vmId());
        assertThat(resize.statusCode()).as(resize.asString()).isEqualTo(202);
        assertThat((String) resize.path("data.operation.type")).isEqualTo("resize");
        drain();
        r.owner().as().get("/api/v1/operations/" + (String) resize.path("data.operation.id")).then().statusCode(200)
                .body("data.status", is("succeeded"));
        r.owner().as().get("/api/v1/vms/" + r.vmId()).then().statusCode(200)
                .body("data.plan_id", is(bigger)).body("data.cpu_cores", is(2)).body("data.memory_mb", is(2048))
                .body("data.disk_gb", is(30)).body("data.status", is("running"));
        Map<String, Object> config = pveConfig(pveNode, vmid);
        assertThat(config.get("cores").toString()).isEqualTo("2");
        assertThat(config.get("memory").toString()).isEqualTo("2048");
        assertThat(config.get("scsi0").toString()).contains("size=30G");
        // Billing prorated the rest of the hour at the new price.
        List<String> descriptions = r.owner().as().get("/api/v1/billing/transactions").path("data.items.description");
        assertThat(descriptions).anyMatch(d -> d != null && d.startsWith("Plan change"));
        // Downsizing cores and memory is fine while the disk stays.
        String down = plan(r.admin(), 1, 1024, 30);
        r.owner().as().contentType(ContentType.JSON).body(Map.of("plan_id", down)).put("/api/v1/vms/" + r.vmId())
                .then().statusCode(202);
        drain();
        r.owner().as().get("/api/v1/vms/" + r.vmId()).then().statusCode(200).body("data.cpu_cores", is(1))
                .body("data.disk_gb", is(30));
    }

    private static String plan(Account admin, int cores, int memory, int disk) {
        return admin.as().contentType(ContentType.JSON)
                .body(Map.of("name", "Plan x" + System.nanoTime(), "type", "qemu", "cpu_cores", cores, "memory_mb", memory,
                        "disk_gb", disk, "bandwidth_gb", 100, "snapshot_limit", 2, "price_hourly", "0.20",
                        "price_monthly", "80.00", "currency", "USD"))
                .post("/api/v1/plans").then().statusCode(201).extract().path("data.id");
    }

    @Test
    void reinstall_needs_confirmation_and_keeps_node_and_address() {
        Running r = runningVm("reinstall-1");
        Response before = r.owner().as().get("/api/v1/vms/" + r.vmId());
        List<String> ips = before.path("data.ip_addresses");
        String nodeName = before.path("data.node");
        String path = "/api/v1/vms/" + r.vmId() + "/reinstall";

        VmFixtures.assertEnvelope(r.owner().as().contentType(ContentType.JSON)
                .body(Map.of("template_id", r.catalog().templateId())).post(path), 422, 42201);
        VmFixtures.assertEnvelope(r.stranger().as().contentType(ContentType.JSON)
                .body(Map.of("template_id", r.catalog().templateId(), "confirm", true)).post(path), 404, 40401);

        Response accepted = r.owner().as().contentType(ContentType.JSON)
                .body(Map.of("template_id", r.catalog().templateId(), "confirm", true, "ssh_keys", List.of(VmFixtures.sshKey())))
                .post(path);
        assertThat(accepted.statusCode()).as(accepted.asString()).isEqualTo(202);
        assertThat((String) accepted.path("data.vm.status")).isEqualTo("provisioning");
        assertThat((String) accepted.path("data.operation.type")).isEqualTo("reinstall");
        // Busy: no second reinstall while the first runs.
        VmFixtures.assertEnvelope(r.owner().as().contentType(ContentType.JSON)
                .body(Map.of("template_id", r.catalog().templateId(), "confirm", true)).post(path), 409, 40902);
        drain();
        r.owner().as().get("/api/v1/operations/" + (String) accepted.path("data.operation.id")).then().statusCode(200)
                .body("data.status", is("succeeded"));
        Response after = r.owner().as().get("/api/v1/vms/" + r.vmId());
        after.then().statusCode(200).body("data.status", is("running")).body("data.node", is(nodeName));
        assertThat((List<String>) after.path("data.ip_addresses")).isEqualTo(ips);
        int vmid = after.path("data.vmid");
        Map<String, Object> config = pveConfig(nodeName, vmid);
        assertThat(config.get("tags").toString()).contains(r.vmId());
        assertThat(config.get("name")).isEqualTo("reinstall-1");
    }
}
