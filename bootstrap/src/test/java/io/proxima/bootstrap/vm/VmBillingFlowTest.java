package io.proxima.bootstrap.vm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;

import io.proxima.adapter.out.proxmox.simulator.SimulatedPveCluster;
import io.proxima.application.billing.port.in.BillingJobsUseCase;
import io.proxima.application.node.port.in.NodeAdministrationUseCase;
import io.proxima.bootstrap.billing.TestBillingClock;
import io.proxima.bootstrap.identity.IdentityApi;
import io.proxima.bootstrap.identity.IdentityApi.Account;
import io.proxima.bootstrap.support.GreenMailResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 6's end-to-end story with a real VM on the simulator: recharge (manual gateway) → order →
 * first hour charged → hours accrue → balance exhausted → the VM is stopped and suspended and the
 * customer is mailed → recharge → the VM runs again.
 */
@QuarkusTest
@QuarkusTestResource(GreenMailResource.class)
class VmBillingFlowTest {

    @Inject
    SimulatedPveCluster cluster;

    @Inject
    OperationsDrain operations;

    @Inject
    NodeAdministrationUseCase nodes;

    @Inject
    BillingJobsUseCase jobs;

    @Inject
    TestBillingClock clock;

    @AfterEach
    void realTime() {
        clock.set(null);
    }

    private void drain() {
        operations.drain();
    }

    private String recharge(Account who, Account admin, String amount) {
        String order = who.as().contentType(ContentType.JSON).header("Idempotency-Key", "vmbill-" + amount + "-" + System.nanoTime())
                .body(Map.of("amount", amount, "currency", "USD", "gateway", "manual"))
                .post("/api/v1/billing/recharges").then().statusCode(201).extract().path("data.id");
        admin.as().post("/api/v1/admin/billing/recharges/" + order + "/confirm").then().statusCode(200);
        return order;
    }

    private String balance(Account who) {
        return who.as().get("/api/v1/billing/balance").then().statusCode(200).extract().path("data.balance");
    }

    @Test
    void a_vm_is_billed_hourly_suspended_when_money_runs_out_and_back_after_a_recharge() {
        clock.set(Instant.now().truncatedTo(ChronoUnit.SECONDS));
        Account admin = IdentityApi.admin();
        VmFixtures.Catalog c = VmFixtures.catalog(admin, cluster.endpoint().orElseThrow(), 1024, 0, "1.00");
        nodes.heartbeatAll();
        Account owner = VmFixtures.customerWithBalance(admin, null);
        recharge(owner, admin, "2.50");
        assertThat(balance(owner)).isEqualTo("2.50");

        String vmId = owner.as().contentType(ContentType.JSON).body(VmFixtures.order(c, "billed")).post("/api/v1/vms")
                .then().statusCode(202).extract().path("data.vm.id");
        drain();
        owner.as().get("/api/v1/vms/" + vmId).then().body("data.status", is("running"));
        assertThat(balance(owner)).as("first hour").isEqualTo("1.50");

        clock.advance(Duration.ofHours(1));
        jobs.chargeDueHours();
        jobs.chargeDueHours();
        assertThat(balance(owner)).as("second hour, charged once").isEqualTo("0.50");
        jobs.enforce();
        owner.as().get("/api/v1/vms/" + vmId).then().body("data.status", is("running"));

        clock.advance(Duration.ofHours(1));
        jobs.chargeDueHours();
        assertThat(balance(owner)).isEqualTo("-0.50");
        jobs.enforce();
        jobs.dispatch();
        owner.as().get("/api/v1/vms/" + vmId).then().body("data.status", is("suspended"));
        owner.as().get("/api/v1/vms/" + vmId + "/stats").then().body("data.status", is("suspended"));
        // The suspension notice goes out after commit, asynchronously: wait for it to arrive.
        org.awaitility.Awaitility.await("suspension notice").atMost(Duration.ofSeconds(60))
                .until(() -> IdentityApi.mailCount(owner.email()) >= 1);

        // Suspended: no further charges, and the customer cannot start it.
        clock.advance(Duration.ofHours(3));
        jobs.chargeDueHours();
        assertThat(balance(owner)).isEqualTo("-0.50");
        VmFixtures.assertEnvelope(owner.as().post("/api/v1/vms/" + vmId + "/start"), 409, 40902);

        recharge(owner, admin, "10.00");
        jobs.dispatch();
        owner.as().get("/api/v1/vms/" + vmId).then().body("data.status", is("running"));
        owner.as().get("/api/v1/billing/balance").then().body("data.suspended", is(false));
    }
}
