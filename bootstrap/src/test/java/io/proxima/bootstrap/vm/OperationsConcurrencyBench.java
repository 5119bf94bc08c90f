package io.proxima.bootstrap.vm;

import static org.assertj.core.api.Assertions.assertThat;

import io.proxima.adapter.out.proxmox.simulator.PveSimulator;
import io.proxima.adapter.out.proxmox.simulator.SimulatedPveCluster;
import io.proxima.application.node.port.in.NodeAdministrationUseCase;
import io.proxima.application.vm.service.OperationRunner;
import io.proxima.bootstrap.identity.IdentityApi;
import io.proxima.bootstrap.identity.IdentityApi.Account;
import io.proxima.bootstrap.support.GreenMailResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Not a test: issue 10's concurrency figure. With a long clone task, it times one order from
 * acceptance to {@code running} (the baseline, same run), then N orders placed together, and
 * writes the ratio to {@code bench.out}. Run by bench/ops-concurrency.sh.
 */
@QuarkusTest
@QuarkusTestResource(GreenMailResource.class)
@EnabledIfSystemProperty(named = "bench", matches = "true")
class OperationsConcurrencyBench {

    @Inject
    SimulatedPveCluster cluster;

    @Inject
    OperationRunner runner;

    @Inject
    NodeAdministrationUseCase nodes;

    @ConfigProperty(name = "proxima.operations.concurrency")
    int workers;

    @Test
    void orders_placed_together_finish_in_about_the_time_of_one() throws Exception {
        int n = Integer.getInteger("bench.orders", 20);
        Duration clone = Duration.parse(System.getProperty("bench.clone", "PT30S"));
        PveSimulator sim = cluster.simulator().orElseThrow();
        sim.taskDuration("qmclone", clone);
        Account admin = IdentityApi.admin();
        VmFixtures.Catalog c = VmFixtures.catalog(admin, cluster.endpoint().orElseThrow(), 1024, 0, "0.01");
        nodes.heartbeatAll();
        Account owner = VmFixtures.customerWithBalance(admin, "500.00");

        long one = timeToRunning(owner, c, List.of("solo"));
        List<String> hosts = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            hosts.add("together-" + i);
        }
        long all = timeToRunning(owner, c, hosts);

        String out = "| figure | value |\n|---|---|\n"
                + "| clone task duration (simulator) | " + clone.toSeconds() + " s |\n"
                + "| workers per instance (`proxima.operations.concurrency`) | " + workers + " |\n"
                + "| one order, accepted → running (baseline) | " + one + " ms |\n"
                + "| " + n + " orders placed together, all running | " + all + " ms |\n"
                + "| ratio to the baseline | " + String.format("%.2f", (double) all / one) + " |\n"
                + "| the same orders one at a time would take | ≈ " + (one * n) + " ms |\n";
        Files.writeString(Path.of(System.getProperty("bench.out", "target/ops-concurrency.md")), out);
        sim.taskDuration("qmclone", Duration.ofMillis(100));
    }

    /** Places the orders together and waits until every one of them runs; milliseconds. */
    private long timeToRunning(Account owner, VmFixtures.Catalog c, List<String> hosts) {
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(8, hosts.size()));
        long start = System.nanoTime();
        List<String> ids;
        try {
            List<CompletableFuture<String>> placed = hosts.stream()
                    .map(h -> CompletableFuture.supplyAsync(() -> owner.as().contentType(ContentType.JSON)
                            .body(VmFixtures.order(c, h)).post("/api/v1/vms").then().statusCode(202)
                            .extract().<String>path("data.vm.id"), pool))
                    .toList();
            ids = placed.stream().map(CompletableFuture::join).toList();
        } finally {
            pool.shutdown();
        }
        // Scheduling is off in tests: tick the runner the way the 2 s production trigger would, faster.
        Awaitility.await().atMost(Duration.ofMinutes(15)).pollInterval(Duration.ofMillis(100)).until(() -> {
            runner.runDue();
            for (String id : ids) {
                String status = owner.as().get("/api/v1/vms/" + id).path("data.status");
                assertThat(status).isNotEqualTo("error");
                if (!"running".equals(status)) {
                    return false;
                }
            }
            return true;
        });
        return Duration.ofNanos(System.nanoTime() - start).toMillis();
    }
}
