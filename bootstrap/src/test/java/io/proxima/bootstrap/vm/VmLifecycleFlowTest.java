package io.proxima.bootstrap.vm;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;

import io.proxima.adapter.out.proxmox.simulator.PveSimulatorEndpoint;
import io.proxima.adapter.out.proxmox.simulator.SimulatedPveCluster;
import io.proxima.application.node.port.in.NodeAdministrationUseCase;
import io.proxima.bootstrap.contract.ValidatesOpenApi;
import io.proxima.bootstrap.identity.IdentityApi;
import io.proxima.bootstrap.identity.IdentityApi.Account;
import io.proxima.bootstrap.support.GreenMailResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/**
 * A customer's VM from order to deletion over HTTP, with the built-in simulator playing PVE:
 * provisioning, billing of the first hour, actions and their state rules, snapshots within the
 * plan's limit, firewall rules, stats, batch status, ownership, validation, and placement under
 * concurrency.
 */
@QuarkusTest
@QuarkusTestResource(GreenMailResource.class)
@ValidatesOpenApi
class VmLifecycleFlowTest {

    @Inject
    SimulatedPveCluster cluster;

    @Inject
    OperationsDrain operations;

    @Inject
    NodeAdministrationUseCase nodes;

    private PveSimulatorEndpoint sim() {
        return cluster.endpoint().orElseThrow();
    }

    private VmFixtures.Catalog setUp(Account admin, int memoryMb, int snapshots, String hourly) {
        VmFixtures.Catalog c = VmFixtures.catalog(admin, sim(), memoryMb, snapshots, hourly);
        nodes.heartbeatAll(); // capacity comes from the node's heartbeat
        return c;
    }

    private void drain() {
        operations.drain();
    }

    @Test
    void order_to_running_actions_snapshots_firewall_and_deletion() {
        Account admin = IdentityApi.admin();
        VmFixtures.Catalog c = setUp(admin, 1024, 1, "0.10");
        Account owner = VmFixtures.customerWithBalance(admin, "10.00");
        Account stranger = VmFixtures.customerWithBalance(admin, null);

        Response accepted = owner.as().contentType(ContentType.JSON).body(VmFixtures.order(c, "web-1")).post("/api/v1/vms");
        assertThat(accepted.statusCode()).as(accepted.asString()).isEqualTo(202);
        assertThat(accepted.header("Location")).contains("/api/v1/operations/");
        String vmId = accepted.path("data.vm.id");
        String opId = accepted.path("data.operation.id");
        assertThat((String) accepted.path("data.vm.status")).isEqualTo("provisioning");
        assertThat((String) accepted.path("data.operation.type")).isEqualTo("provision");

        drain();

        owner.as().get("/api/v1/operations/" + opId).then().statusCode(200)
                .body("data.status", is("succeeded"))
                .body("data.steps.name", hasItem("await_create"))
                .body("data.steps.findAll { it.status == 'failed' }", hasSize(0));
        owner.as().get("/api/v1/deployments").then().statusCode(200).body("data.items.id", hasItem(opId));
        owner.as().get("/api/v1/vms/" + vmId).then().statusCode(200)
                .body("data.status", is("running"))
                .body("data.vmid", notNullValue())
                .body("data.node", is(sim().nodes().get(0)))
                .body("data.ip_addresses", hasSize(1))
                .body("data.cpu_cores", is(1))
                .body("data.owner_id", is(owner.id()));
        // The first hour is charged once the guest runs.
        owner.as().get("/api/v1/billing/balance").then().statusCode(200).body("data.balance", is("9.90"));

        // Actions follow the state machine; an illegal one is refused before PVE is asked.
        owner.as().post("/api/v1/vms/" + vmId + "/stop").then().statusCode(200).body("data.status", is("stopped"));
        VmFixtures.assertEnvelope(owner.as().post("/api/v1/vms/" + vmId + "/stop"), 409, 40902);
        owner.as().contentType(ContentType.JSON).body(Map.of("action", "start")).post("/api/v1/vms/" + vmId + "/actions")
                .then().statusCode(200).body("data.status", is("running"));
        owner.as().contentType(ContentType.JSON).body(Map.of("action", "pause")).post("/api/v1/vms/" + vmId + "/actions")
                .then().statusCode(200).body("data.status", is("paused"));
        owner.as().contentType(ContentType.JSON).body(Map.of("action", "unpause")).post("/api/v1/vms/" + vmId + "/actions")
                .then().statusCode(200).body("data.status", is("running"));
        VmFixtures.assertEnvelope(owner.as().contentType(ContentType.JSON).body(Map.of("action", "explode"))
                .post("/api/v1/vms/" + vmId + "/actions"), 422, 42201);

        owner.as().get("/api/v1/vms/" + vmId + "/stats").then().statusCode(200)
                .body("data.status", is("running")).body("data.memory_total", notNullValue());
        owner.as().queryParam("ids", vmId).get("/api/v1/vms/status").then().statusCode(200)
                .body("data[0].id", is(vmId)).body("data[0].pve_status", is("running"));

        // Snapshots: created as operations, limited by the plan (1 here).
        Response snap = owner.as().contentType(ContentType.JSON).body(Map.of("name", "before-upgrade"))
                .post("/api/v1/vms/" + vmId + "/snapshots");
        assertThat(snap.statusCode()).as(snap.asString()).isEqualTo(202);
        drain();
        owner.as().get("/api/v1/vms/" + vmId + "/snapshots").then().statusCode(200)
                .body("data.name", hasItem("before-upgrade"));
        VmFixtures.assertEnvelope(owner.as().contentType(ContentType.JSON).body(Map.of("name", "second"))
                .post("/api/v1/vms/" + vmId + "/snapshots"), 409, 40901);
        VmFixtures.assertEnvelope(owner.as().contentType(ContentType.JSON).body(Map.of("name", "1-bad name"))
                .post("/api/v1/vms/" + vmId + "/snapshots"), 422, 42201);
        owner.as().post("/api/v1/vms/" + vmId + "/snapshots/before-upgrade/rollback").then().statusCode(202);
        drain();
        owner.as().delete("/api/v1/vms/" + vmId + "/snapshots/before-upgrade").then().statusCode(202);
        drain();
        owner.as().get("/api/v1/vms/" + vmId + "/snapshots").then().statusCode(200).body("data", hasSize(0));

        // Firewall rules in seed 001's shape.
        Response rule = owner.as().contentType(ContentType.JSON)
                .body(Map.of("direction", "inbound", "action", "accept", "protocol", "TCP", "port", "22", "source", "0.0.0.0/0"))
                .post("/api/v1/vms/" + vmId + "/firewall");
        assertThat(rule.statusCode()).as(rule.asString()).isEqualTo(201);
        String ruleId = rule.path("data.id");
        owner.as().contentType(ContentType.JSON)
                .body(Map.of("direction", "inbound", "action", "drop", "protocol", "udp", "port", "53"))
                .post("/api/v1/vms/" + vmId + "/firewall").then().statusCode(201);
        owner.as().get("/api/v1/vms/" + vmId + "/firewall").then().statusCode(200).body("data", hasSize(2));
        owner.as().contentType(ContentType.JSON)
                .body(Map.of("direction", "inbound", "action", "accept", "protocol", "tcp", "port", "2222"))
                .put("/api/v1/firewall/" + ruleId).then().statusCode(200).body("data.port", is("2222"));
        VmFixtures.assertEnvelope(owner.as().contentType(ContentType.JSON)
                .body(Map.of("direction", "sideways", "action", "accept", "port", "99999"))
                .post("/api/v1/vms/" + vmId + "/firewall"), 422, 42201);
        owner.as().delete("/api/v1/firewall/" + ruleId).then().statusCode(200);
        owner.as().get("/api/v1/vms/" + vmId + "/firewall").then().statusCode(200).body("data", hasSize(1));

        // Another customer cannot see or touch it, not even its firewall rules.
        VmFixtures.assertEnvelope(stranger.as().get("/api/v1/vms/" + vmId), 404, 40401);
        VmFixtures.assertEnvelope(stranger.as().post("/api/v1/vms/" + vmId + "/stop"), 404, 40401);
        VmFixtures.assertEnvelope(stranger.as().delete("/api/v1/vms/" + vmId), 404, 40401);
        VmFixtures.assertEnvelope(stranger.as().get("/api/v1/operations/" + opId), 404, 40401);
        stranger.as().get("/api/v1/vms").then().statusCode(200).body("data.items", hasSize(0));
        stranger.as().queryParam("ids", vmId).get("/api/v1/vms/status").then().statusCode(200).body("data", hasSize(0));
        VmFixtures.assertEnvelope(owner.as().post("/api/v1/vms/" + vmId + "/suspend"), 403, 40301);

        // Deletion: 202, the guest is destroyed in PVE, the VM is gone for its owner.
        Response deletion = owner.as().delete("/api/v1/vms/" + vmId);
        assertThat(deletion.statusCode()).as(deletion.asString()).isEqualTo(202);
        drain();
        VmFixtures.assertEnvelope(owner.as().get("/api/v1/vms/" + vmId), 404, 40401);
        admin.as().get("/api/v1/vms/" + vmId).then().statusCode(200).body("data.status", is("deleted"));
        admin.as().get("/api/v1/admin/ip-pools").then().statusCode(200);
    }

    @Test
    void bad_orders_are_refused_before_anything_is_created() {
        Account admin = IdentityApi.admin();
        VmFixtures.Catalog c = setUp(admin, 1024, 1, "0.10");
        Account owner = VmFixtures.customerWithBalance(admin, "10.00");

        Response bad = owner.as().contentType(ContentType.JSON)
                .body(Map.of("hostname", "-bad_host-", "plan_id", c.planId(), "template_id", c.templateId(),
                        "ssh_keys", List.of("ssh-rsa not-a-key")))
                .post("/api/v1/vms");
        VmFixtures.assertEnvelope(bad, 422, 42201);
        assertThat(bad.<List<String>>path("details.field")).contains("hostname", "ssh_keys[0]");

        Response unknown = owner.as().contentType(ContentType.JSON)
                .body(Map.of("hostname", "ok", "plan_id", java.util.UUID.randomUUID().toString(), "template_id", c.templateId(),
                        "password", "Str0ng-password"))
                .post("/api/v1/vms");
        VmFixtures.assertEnvelope(unknown, 422, 42201);
        assertThat(unknown.<List<String>>path("details.field")).contains("plan_id");

        Response noAccess = owner.as().contentType(ContentType.JSON)
                .body(Map.of("hostname", "ok", "plan_id", c.planId(), "template_id", c.templateId()))
                .post("/api/v1/vms");
        VmFixtures.assertEnvelope(noAccess, 422, 42201);

        Account broke = VmFixtures.customerWithBalance(admin, null);
        VmFixtures.assertEnvelope(broke.as().contentType(ContentType.JSON).body(VmFixtures.order(c, "poor")).post("/api/v1/vms"),
                402, 40201);
        broke.as().get("/api/v1/vms").then().body("data.items", hasSize(0));
        VmFixtures.assertEnvelope(given().contentType(ContentType.JSON).body(VmFixtures.order(c, "anon")).post("/api/v1/vms"),
                401, 40101);
        owner.as().get("/api/v1/vms").then().statusCode(200).body("data.items", hasSize(0));
    }

    @Test
    void twenty_parallel_orders_never_overcommit_a_node_or_share_an_address() throws Exception {
        Account admin = IdentityApi.admin();
        // The simulator's node has 256 GiB: four 64 GiB guests fit, the other sixteen must not be placed.
        VmFixtures.Catalog c = setUp(admin, 65536, 0, "0.01");
        Account owner = VmFixtures.customerWithBalance(admin, "100.00");

        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<CompletableFuture<Response>> orders = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String host = "par-" + i;
            orders.add(CompletableFuture.supplyAsync(
                    () -> owner.as().contentType(ContentType.JSON).body(VmFixtures.order(c, host)).post("/api/v1/vms"), pool));
        }
        for (CompletableFuture<Response> f : orders) {
            assertThat(f.get().statusCode()).as(f.get().asString()).isEqualTo(202);
        }
        // Two runners at once, as two instances would: SKIP LOCKED splits the work, the placement lock serialises it.
        CompletableFuture<Void> r1 = CompletableFuture.runAsync(this::drain, pool);
        CompletableFuture<Void> r2 = CompletableFuture.runAsync(this::drain, pool);
        CompletableFuture.allOf(r1, r2).get();
        drain();
        pool.shutdown();

        List<Map<String, Object>> vms = owner.as().queryParam("per_page", 100).get("/api/v1/vms")
                .then().statusCode(200).extract().path("data.items");
        assertThat(vms).hasSize(20);
        List<Map<String, Object>> running = vms.stream().filter(v -> "running".equals(v.get("status"))).toList();
        List<Map<String, Object>> failed = vms.stream().filter(v -> "error".equals(v.get("status"))).toList();
        assertThat(running).hasSize(4);
        assertThat(failed).hasSize(16);
        Set<Object> vmids = new HashSet<>();
        Set<Object> ips = new HashSet<>();
        for (Map<String, Object> v : running) {
            vmids.add(v.get("vmid"));
            ips.addAll((List<?>) v.get("ip_addresses"));
        }
        assertThat(vmids).hasSize(4);
        assertThat(ips).hasSize(4);
        assertThat(failed).allSatisfy(v -> assertThat((String) v.get("status_reason")).contains("room"));
        // Sixteen failed orders cost nothing: four first hours of 0.01.
        owner.as().get("/api/v1/billing/balance").then().body("data.balance", is("99.96"));
    }

    @Test
    void a_user_with_vms_is_deleted_only_with_force_which_terminates_them() {
        Account admin = IdentityApi.admin();
        VmFixtures.Catalog c = setUp(admin, 1024, 0, "0.01");
        Account owner = VmFixtures.customerWithBalance(admin, "5.00");
        String vmId = owner.as().contentType(ContentType.JSON).body(VmFixtures.order(c, "doomed")).post("/api/v1/vms")
                .then().statusCode(202).extract().path("data.vm.id");
        drain();
        VmFixtures.assertEnvelope(admin.as().delete("/api/v1/users/" + owner.id()), 409, 40901);
        admin.as().get("/api/v1/vms/" + vmId).then().body("data.status", is("running"));

        admin.as().queryParam("force", "true").delete("/api/v1/users/" + owner.id()).then().statusCode(200);
        admin.as().get("/api/v1/vms/" + vmId).then().body("data.status", is("deleting"));
        drain();
        admin.as().get("/api/v1/vms/" + vmId).then().body("data.status", is("deleted"));
        admin.as().get("/api/v1/users/" + owner.id()).then().body("data.status", is("deleted"));
    }

    @Test
    void an_idempotency_key_returns_the_first_order_and_refuses_a_different_body() {
        Account admin = IdentityApi.admin();
        VmFixtures.Catalog c = setUp(admin, 1024, 0, "0.01");
        Account owner = VmFixtures.customerWithBalance(admin, "5.00");
        Response first = owner.as().contentType(ContentType.JSON).header("Idempotency-Key", "order-42")
                .body(VmFixtures.order(c, "once")).post("/api/v1/vms");
        Response again = owner.as().contentType(ContentType.JSON).header("Idempotency-Key", "order-42")
                .body(VmFixtures.order(c, "once")).post("/api/v1/vms");
        assertThat(first.statusCode()).isEqualTo(202);
        assertThat(again.statusCode()).isEqualTo(202);
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat((String) again.path("data.vm.id")).isEqualTo(first.path("data.vm.id"));
        assertThat((String) again.path("data.operation.id")).isEqualTo(first.path("data.operation.id"));
        VmFixtures.assertEnvelope(owner.as().contentType(ContentType.JSON).header("Idempotency-Key", "order-42")
                .body(VmFixtures.order(c, "other")).post("/api/v1/vms"), 422, 42201);
        owner.as().get("/api/v1/vms").then().body("data.items", hasSize(1));
    }
}
