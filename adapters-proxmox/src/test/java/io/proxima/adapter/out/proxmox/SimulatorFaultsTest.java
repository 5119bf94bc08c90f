package io.proxima.adapter.out.proxmox;

import static org.assertj.core.api.Assertions.assertThat;

import io.proxima.adapter.out.proxmox.simulator.PveSimulator;
import io.proxima.adapter.out.proxmox.simulator.SimulatorSettings;
import io.proxima.application.hypervisor.PveUnreachableException;
import io.proxima.application.hypervisor.port.out.CloneSpec;
import io.proxima.application.hypervisor.port.out.CreatedGuest;
import io.proxima.application.hypervisor.port.out.GuestRef;
import io.proxima.application.hypervisor.port.out.PveNodeConnection;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The simulator's fault knobs: per-type task durations, a transient error rate, latency. */
class SimulatorFaultsTest {

    Vertx vertx;
    PveSimulator sim;
    ProxmoxHypervisor pve;
    PveNodeConnection conn;

    @BeforeEach
    void start() {
        vertx = Vertx.vertx();
        sim = new PveSimulator(vertx, SimulatorSettings.forTests()).start();
        pve = new ProxmoxHypervisor(vertx, PveClientSettings.defaults().withRequestTimeout(Duration.ofSeconds(5))
                .withTaskPolling(Duration.ofMillis(10), Duration.ofMillis(50)).withBreaker(1000, Duration.ofSeconds(1)),
                System::currentTimeMillis);
        conn = SimulatorSequenceTest.connection(sim);
    }

    @AfterEach
    void stop() {
        pve.closeClients();
        sim.stop();
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    @Test
    void a_task_type_can_run_longer_than_the_others() {
        sim.taskDuration("qmclone", Duration.ofMillis(1500));
        CreatedGuest created = pve.cloneGuest(conn, new CloneSpec(GuestRef.qemu("pve-sim1", 9000), null, null, "slow",
                UUID.randomUUID(), false, null, null));
        long t0 = System.nanoTime();
        assertThat(pve.pollTask(conn, created.upid())).as("still cloning").isEmpty();
        pve.awaitTask(conn, created.upid(), Duration.ofSeconds(10));
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isGreaterThan(Duration.ofMillis(800));
    }

    @Test
    void an_error_rate_answers_that_share_of_calls_with_a_transient_500() {
        sim.faults(0.5, Duration.ZERO);
        int failed = 0;
        for (int i = 0; i < 60; i++) {
            try {
                pve.version(conn);
            } catch (PveUnreachableException e) {
                failed++;
            }
        }
        assertThat(failed).isBetween(10, 50);
        sim.faults(0, Duration.ZERO);
        assertThat(pve.version(conn)).isNotNull();
    }

    @Test
    void latency_delays_every_answer() {
        sim.faults(0, Duration.ofMillis(300));
        long t0 = System.nanoTime();
        pve.version(conn);
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
    }
}
