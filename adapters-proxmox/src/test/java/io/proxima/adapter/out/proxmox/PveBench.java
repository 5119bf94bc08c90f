package io.proxima.adapter.out.proxmox;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.proxima.adapter.out.proxmox.simulator.PveSimulator;
import io.proxima.adapter.out.proxmox.simulator.SimulatorSettings;
import io.proxima.application.hypervisor.port.out.CloneSpec;
import io.proxima.application.hypervisor.port.out.ConfigChange;
import io.proxima.application.hypervisor.port.out.CreatedGuest;
import io.proxima.application.hypervisor.port.out.FirewallRule;
import io.proxima.application.hypervisor.port.out.GuestRef;
import io.proxima.application.hypervisor.port.out.PowerAction;
import io.proxima.application.hypervisor.port.out.PveNodeConnection;
import io.proxima.application.hypervisor.port.out.PveTlsTrust;
import io.proxima.application.hypervisor.port.out.ResourceKind;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The numbers behind docs/proxmox.md: PVE calls per operation (counted by the simulator) and the
 * cost of one /cluster/resources sync with 10 000 guests. Runs only with -Dproxima.bench=true
 * (bench/pve-bench.sh); loopback only.
 */
class PveBench {

    @Test
    void bench() throws IOException {
        assumeTrue(Boolean.getBoolean("proxima.bench"), "bench runs only with -Dproxima.bench=true");
        Vertx vertx = Vertx.vertx();
        // default client settings: the call counts include realistic task polling
        PveSimulator sim = new PveSimulator(vertx, SimulatorSettings.forTests().withTaskDuration(Duration.ofMillis(600))).start();
        ProxmoxHypervisor pve = new ProxmoxHypervisor(vertx, PveClientSettings.defaults(), System::currentTimeMillis);
        PveNodeConnection conn = PveNodeConnection.withToken(sim.baseUrl(), sim.endpoint().tokenId(), sim.endpoint().tokenSecret(), PveTlsTrust.system());
        StringBuilder out = new StringBuilder();
        try {
            Duration wait = Duration.ofSeconds(30);
            UUID id = UUID.randomUUID();
            Map<String, Long> calls = new LinkedHashMap<>();
            CreatedGuest[] vm = new CreatedGuest[1];
            count(calls, sim, "clone (nextid + POST clone)", () -> vm[0] = pve.cloneGuest(conn,
                    new CloneSpec(GuestRef.qemu("pve-sim1", 9000), null, null, "bench", id, false, null, null)));
            GuestRef g = vm[0].guest();
            count(calls, sim, "await a 600 ms task (status polls)", () -> pve.awaitTask(conn, vm[0].upid(), wait));
            count(calls, sim, "tag as owned (config read + POST config + await its qmconfig task)", () -> pve.tagAsOwned(conn, g, id).map(u -> pve.awaitTask(conn, u, wait)));
            count(calls, sim, "cloud-init config change (read digest + POST config + await)", () -> pve.updateConfig(conn, g,
                    ConfigChange.builder().cores(2).ciUser("admin").sshKeys(List.of("ssh-ed25519 AAAAC3Nza k")).digest(pve.config(conn, g).digest()).build())
                    .map(u -> pve.awaitTask(conn, u, wait)));
            count(calls, sim, "resize disk (identity check + PUT)", () -> pve.resizeDisk(conn, g, id, "scsi0", "+10G"));
            count(calls, sim, "start (no identity check)", () -> pve.power(conn, g, PowerAction.START, id));
            sleep(700);
            count(calls, sim, "status/current", () -> pve.status(conn, g));
            count(calls, sim, "snapshot create", () -> pve.createSnapshot(conn, g, "b1", null));
            sleep(700);
            count(calls, sim, "snapshot rollback (identity check + POST)", () -> pve.rollbackSnapshot(conn, g, "b1", id));
            sleep(700);
            count(calls, sim, "firewall add rule (list for digest + POST)", () -> {
                pve.addFirewallRule(conn, g, FirewallRule.of("in", "ACCEPT", "tcp", "22", null, true, null), pve.firewallRules(conn, g).digest());
                return null;
            });
            count(calls, sim, "stop (identity check + POST)", () -> pve.power(conn, g, PowerAction.STOP, id));
            sleep(700);
            count(calls, sim, "destroy (identity check + DELETE)", () -> pve.destroy(conn, g, id));
            sleep(700);
            count(calls, sim, "batch status of all guests (/cluster/resources)", () -> pve.clusterResources(conn, ResourceKind.VM));

            out.append("## PVE calls per operation (simulator task duration 600 ms, default polling 250 ms x1.5 up to 2 s)\n\n");
            out.append("| operation | PVE calls |\n|---|---|\n");
            calls.forEach((k, v) -> out.append("| ").append(k).append(" | ").append(v).append(" |\n"));

            // --- sync cost ---------------------------------------------------------------
            int rounds = 15;
            double version = medianMillis(rounds, () -> pve.version(conn));
            sim.seedGuests(98); // 100 guests with the two templates
            double sync100 = medianMillis(rounds, () -> pve.clusterResources(conn, ResourceKind.VM));
            sim.seedGuests(10_000 - 100);
            int size = pve.clusterResources(conn, ResourceKind.VM).size();
            double sync10k = medianMillis(rounds, () -> pve.clusterResources(conn, ResourceKind.VM));
            out.append("\n## One /cluster/resources sync (adapter end to end: HTTP, JSON, mapping; median of ")
                    .append(rounds).append(")\n\n");
            out.append("| measurement | median ms | ratio |\n|---|---|---|\n");
            out.append(String.format(Locale.ROOT, "| GET /version (baseline) | %.2f | 1.0 |%n", version));
            out.append(String.format(Locale.ROOT, "| sync, 100 guests | %.2f | %.1f x version |%n", sync100, sync100 / version));
            out.append(String.format(Locale.ROOT, "| sync, %d guests | %.2f | %.1f x version, %.1f x the 100-guest sync |%n", size, sync10k,
                    sync10k / version, sync10k / sync100));
        } finally {
            pve.closeClients();
            sim.stop();
            vertx.close();
        }
        String result = out.toString();
        System.out.println(result);
        String target = System.getProperty("proxima.bench.out");
        if (target != null) {
            Files.writeString(Path.of(target), result);
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void count(Map<String, Long> calls, PveSimulator sim, String name, Supplier<?> op) {
        long before = sim.totalRequests();
        op.get();
        calls.put(name, sim.totalRequests() - before);
    }

    private static double medianMillis(int rounds, Supplier<?> op) {
        for (int i = 0; i < 3; i++) {
            op.get(); // warm-up
        }
        List<Double> times = new ArrayList<>();
        for (int i = 0; i < rounds; i++) {
            long t = System.nanoTime();
            op.get();
            times.add((System.nanoTime() - t) / 1e6);
        }
        Collections.sort(times);
        return times.get(times.size() / 2);
    }
}
