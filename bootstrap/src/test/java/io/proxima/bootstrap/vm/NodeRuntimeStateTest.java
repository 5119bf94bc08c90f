package io.proxima.bootstrap.vm;

import static org.assertj.core.api.Assertions.assertThat;

import io.proxima.adapter.out.proxmox.simulator.PveSimulatorEndpoint;
import io.proxima.adapter.out.proxmox.simulator.SimulatedPveCluster;
import io.proxima.application.node.port.in.NodeAdministrationUseCase;
import io.proxima.application.vm.service.OperationRunner;
import io.proxima.bootstrap.identity.IdentityApi;
import io.proxima.bootstrap.identity.IdentityApi.Account;
import io.proxima.bootstrap.support.GreenMailResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/**
 * A node's observed state (status, capacity, heartbeat) is kept apart from its configuration:
 * capacity is known as soon as the node is added, heartbeats never bump the version or collide,
 * one missed heartbeat is not an outage, and an order no node can hold is refused at once.
 */
@QuarkusTest
@QuarkusTestResource(GreenMailResource.class)
class NodeRuntimeStateTest {

    @Inject
    SimulatedPveCluster cluster;

    @Inject
    NodeAdministrationUseCase nodes;

    @Inject
    OperationRunner runner;

    private PveSimulatorEndpoint sim() {
        return cluster.endpoint().orElseThrow();
    }

    private static Response node(Account admin, String id) {
        return admin.as().get("/api/v1/nodes/" + id).then().statusCode(200).extract().response();
    }

    private Map<String, Object> edit(Response current, String apiUrl) {
        Map<String, Object> body = new HashMap<>();
        for (String k : List.of("name", "pve_node", "api_url", "api_token_id", "location", "memory_overcommit", "version")) {
            body.put(k, current.path("data." + k));
        }
        if (apiUrl != null) {
            body.put("api_url", apiUrl);
        }
        return body;
    }

    @Test
    void a_new_node_has_its_capacity_at_once_and_takes_an_order_before_any_heartbeat() {
        Account admin = IdentityApi.admin();
        VmFixtures.Catalog c = VmFixtures.catalog(admin, sim(), 1024, 0, "0.10");
        Response n = node(admin, c.nodeId());
        assertThat((String) n.path("data.status")).isEqualTo("online");
        assertThat(((Number) n.path("data.total_memory_mb")).longValue()).isPositive();
        assertThat((Integer) n.path("data.total_cores")).isPositive();

        Account owner = VmFixtures.customerWithBalance(admin, "10.00");
        Response accepted = owner.as().contentType(ContentType.JSON).body(VmFixtures.order(c, "early-bird")).post("/api/v1/vms");
        assertThat(accepted.statusCode()).as(accepted.asString()).isEqualTo(202);
        String vmId = accepted.path("data.vm.id");
        awaitStatus(owner, vmId, "running");
    }

    @Test
    void an_order_no_node_can_hold_is_refused_at_once_and_nothing_is_created_or_charged() {
        Account admin = IdentityApi.admin();
        VmFixtures.Catalog c = VmFixtures.catalog(admin, sim(), 1024, 0, "0.10");
        Account owner = VmFixtures.customerWithBalance(admin, "10.00");

        // No node in that location: nothing can ever place it now.
        Map<String, Object> order = new HashMap<>(VmFixtures.order(c, "nowhere"));
        order.put("location", "nowhere-" + c.location());
        Response refused = owner.as().contentType(ContentType.JSON).body(order).post("/api/v1/vms");
        VmFixtures.assertEnvelope(refused, 503, 50301);
        owner.as().get("/api/v1/vms").then().statusCode(200).body("data.items", org.hamcrest.Matchers.empty());
        owner.as().get("/api/v1/billing/balance").then().body("data.balance", org.hamcrest.Matchers.is("10.00"));
    }

    @Test
    void heartbeats_neither_bump_the_version_nor_collide_across_instances() throws Exception {
        Account admin = IdentityApi.admin();
        VmFixtures.Catalog c = VmFixtures.catalog(admin, sim(), 1024, 0, "0.10");
        Response before = node(admin, c.nodeId());
        long version = ((Number) before.path("data.version")).longValue();

        // Several "instances" heartbeating at once: none may fail on a lock, none may skip a node.
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<CompletableFuture<Void>> rounds = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                rounds.add(CompletableFuture.runAsync(nodes::heartbeatAll, pool));
            }
            CompletableFuture.allOf(rounds.toArray(CompletableFuture[]::new)).get();
        } finally {
            pool.shutdownNow();
        }
        Response after = node(admin, c.nodeId());
        assertThat(((Number) after.path("data.version")).longValue()).isEqualTo(version);
        assertThat((String) after.path("data.status")).isEqualTo("online");

        // An edit based on the version read before the heartbeats still goes through.
        Map<String, Object> body = edit(before, null);
        body.put("location", c.location());
        Response updated = admin.as().contentType(ContentType.JSON).body(body).put("/api/v1/nodes/" + c.nodeId());
        assertThat(updated.statusCode()).as(updated.asString()).isEqualTo(200);
        assertThat(((Number) updated.path("data.version")).longValue()).isEqualTo(version + 1);

        // The scheduled heartbeat claims its period: a second instance in the same period skips it.
        Duration period = Duration.ofHours(1);
        nodes.heartbeatIfDue(period);
        assertThat(nodes.heartbeatIfDue(period)).isFalse();
    }

    @Test
    void a_node_goes_offline_only_after_several_failures_and_an_order_meanwhile_waits_for_it() {
        Account admin = IdentityApi.admin();
        VmFixtures.Catalog c = VmFixtures.catalog(admin, sim(), 1024, 0, "0.10");
        Response current = node(admin, c.nodeId());
        // Point the node at a closed port: the update's own refresh is the first failure.
        Response broken = admin.as().contentType(ContentType.JSON).body(edit(current, "http://127.0.0.1:9"))
                .put("/api/v1/nodes/" + c.nodeId());
        assertThat(broken.statusCode()).as(broken.asString()).isEqualTo(200);
        assertThat((String) broken.path("data.status")).isEqualTo("online");
        nodes.heartbeatAll(); // second failure
        assertThat((String) node(admin, c.nodeId()).path("data.status")).isEqualTo("online");
        nodes.heartbeatAll(); // third: offline (proxima.nodes.offline-after-failures=3)
        assertThat((String) node(admin, c.nodeId()).path("data.status")).isEqualTo("offline");

        // The node could hold the order but is unreachable: accepted, and placement waits.
        Account owner = VmFixtures.customerWithBalance(admin, "10.00");
        Response accepted = owner.as().contentType(ContentType.JSON).body(VmFixtures.order(c, "patient")).post("/api/v1/vms");
        assertThat(accepted.statusCode()).as(accepted.asString()).isEqualTo(202);
        String vmId = accepted.path("data.vm.id");
        runner.runDue();
        assertThat((String) owner.as().get("/api/v1/vms/" + vmId).path("data.status")).isEqualTo("provisioning");

        // The node comes back: the order proceeds.
        Response fixed = admin.as().contentType(ContentType.JSON).body(edit(node(admin, c.nodeId()), sim().baseUrl()))
                .put("/api/v1/nodes/" + c.nodeId());
        assertThat((String) fixed.path("data.status")).as(fixed.asString()).isEqualTo("online");
        awaitStatus(owner, vmId, "running");
    }

    private void awaitStatus(Account owner, String vmId, String status) {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        String seen = null;
        while (System.nanoTime() < deadline) {
            runner.runDue();
            seen = owner.as().get("/api/v1/vms/" + vmId).path("data.status");
            if (status.equals(seen)) {
                return;
            }
            if ("error".equals(seen)) {
                break;
            }
            try {
                Thread.sleep(200); // polling interval; the deadline above bounds the wait
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("VM " + vmId + " is " + seen + ", expected " + status);
    }
}
