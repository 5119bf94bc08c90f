package io.proxima.adapter.out.proxmox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.proxima.adapter.out.proxmox.simulator.PveSimulator;
import io.proxima.adapter.out.proxmox.simulator.SimulatorSettings;
import io.proxima.application.hypervisor.PveAuthenticationException;
import io.proxima.application.hypervisor.PveGuestNotOursException;
import io.proxima.application.hypervisor.PveGuestStateException;
import io.proxima.application.hypervisor.PveLockedException;
import io.proxima.application.hypervisor.PveNotFoundException;
import io.proxima.application.hypervisor.PveTaskFailedException;
import io.proxima.application.hypervisor.port.out.CloneSpec;
import io.proxima.application.hypervisor.port.out.ClusterResource;
import io.proxima.application.hypervisor.port.out.ConfigChange;
import io.proxima.application.hypervisor.port.out.CreatedGuest;
import io.proxima.application.hypervisor.port.out.FirewallOptions;
import io.proxima.application.hypervisor.port.out.FirewallRule;
import io.proxima.application.hypervisor.port.out.GuestConfig;
import io.proxima.application.hypervisor.port.out.GuestRef;
import io.proxima.application.hypervisor.port.out.LxcCreateSpec;
import io.proxima.application.hypervisor.port.out.PowerAction;
import io.proxima.application.hypervisor.port.out.PowerState;
import io.proxima.application.hypervisor.port.out.PveNodeConnection;
import io.proxima.application.hypervisor.port.out.PveTlsTrust;
import io.proxima.application.hypervisor.port.out.ResourceKind;
import io.proxima.application.hypervisor.port.out.RrdConsolidation;
import io.proxima.application.hypervisor.port.out.RrdTimeframe;
import io.proxima.application.hypervisor.port.out.Snapshot;
import io.proxima.application.hypervisor.port.out.StorageContentType;
import io.proxima.application.hypervisor.port.out.TaskResult;
import io.proxima.application.hypervisor.port.out.Upid;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The adapter against the simulator over real HTTP: whole provisioning and lifecycle sequences, and concurrency. */
class SimulatorSequenceTest {

    static final Duration WAIT = Duration.ofSeconds(10);
    Vertx vertx;
    PveSimulator sim;
    ProxmoxHypervisor pve;
    PveNodeConnection conn;

    @BeforeEach
    void start() {
        // one Vert.x per test: a simulator and its clients never outlive their test
        vertx = Vertx.vertx();
        // tasks long enough that the lock windows are observable even on a loaded machine
        sim = new PveSimulator(vertx, SimulatorSettings.forTests().withTaskDuration(Duration.ofMillis(400))).start();
        pve = newAdapter();
        conn = connection(sim);
    }

    static PveNodeConnection connection(PveSimulator sim) {
        return PveNodeConnection.withToken(sim.baseUrl(), sim.endpoint().tokenId(), sim.endpoint().tokenSecret(), PveTlsTrust.system());
    }

    ProxmoxHypervisor newAdapter() {
        return new ProxmoxHypervisor(vertx, PveClientSettings.defaults().withRequestTimeout(Duration.ofSeconds(5))
                .withTaskPolling(Duration.ofMillis(10), Duration.ofMillis(50)), System::currentTimeMillis);
    }

    @AfterEach
    void stop() {
        pve.closeClients();
        sim.stop();
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    @Test
    void clone_configure_start_snapshot_rollback_stop_destroy() {
        UUID id = UUID.randomUUID();
        GuestRef template = GuestRef.qemu("pve-sim1", 9000);

        CreatedGuest created = pve.cloneGuest(conn, new CloneSpec(template, null, null, "web1", id, false, null, null));
        GuestRef vm = created.guest();
        // the clone holds lock=clone until its task ends: touching it early is refused, as on PVE
        assertThatThrownBy(() -> pve.updateConfig(conn, vm, ConfigChange.builder().cores(4).build()))
                .isInstanceOfAny(PveLockedException.class, PveNotFoundException.class);
        assertThat(pve.awaitTask(conn, created.upid(), WAIT).exitStatus()).isEqualTo("OK");

        GuestConfig cfg = pve.config(conn, vm);
        assertThat(cfg.proximaVmId()).isEqualTo(id);
        assertThat(cfg.name()).contains("web1");
        awaitOptional(pve.tagAsOwned(conn, vm, id));
        GuestConfig tagged = pve.config(conn, vm);
        Upid cfgTask = pve.updateConfig(conn, vm, ConfigChange.builder().cores(4).memoryMb(4096).ciUser("admin")
                .ciPassword("correct horse").sshKeys(List.of("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIG+x/y= alice@laptop"))
                .ipConfig(0, "203.0.113.10/24", "203.0.113.1").nameservers(List.of("1.1.1.1")).digest(tagged.digest()).build())
                .orElseThrow();
        pve.awaitTask(conn, cfgTask, WAIT);
        pve.awaitTask(conn, pve.resizeDisk(conn, vm, id, "scsi0", "+10G"), WAIT);
        awaitOptional(pve.setNicRateLimit(conn, vm, 0, 50));
        GuestConfig configured = pve.config(conn, vm);
        assertThat(configured.cores()).isEqualTo(4);
        assertThat(configured.memoryMb()).isEqualTo(4096);
        assertThat(configured.get("scsi0").orElseThrow()).contains("size=20G");
        assertThat(configured.get("sshkeys").orElseThrow()).isEqualTo("ssh-ed25519%20AAAAC3NzaC1lZDI1NTE5AAAAIG%2Bx%2Fy%3D%20alice%40laptop");
        assertThat(configured.get("net0").orElseThrow()).contains("rate=50").contains("virtio=BC:24:11");

        pve.awaitTask(conn, pve.power(conn, vm, PowerAction.START, id), WAIT);
        assertThat(pve.status(conn, vm).state()).isEqualTo(PowerState.RUNNING);
        assertThatThrownBy(() -> pve.awaitTask(conn, pve.power(conn, vm, PowerAction.START, id), WAIT))
                .isInstanceOfSatisfying(PveTaskFailedException.class, e -> assertThat(e.kind()).isEqualTo(PveTaskFailedException.Kind.GUEST_STATE));

        pve.awaitTask(conn, pve.createSnapshot(conn, vm, "before-change", "first"), WAIT);
        Upid change = pve.updateConfig(conn, vm, ConfigChange.builder().cores(8).build()).orElseThrow();
        pve.awaitTask(conn, change, WAIT);
        assertThat(pve.config(conn, vm).cores()).isEqualTo(8);
        assertThat(pve.snapshots(conn, vm)).extracting(Snapshot::name).containsExactly("before-change");

        pve.awaitTask(conn, pve.rollbackSnapshot(conn, vm, "before-change", id), WAIT);
        assertThat(pve.config(conn, vm).cores()).isEqualTo(4);
        pve.awaitTask(conn, pve.deleteSnapshot(conn, vm, "before-change", id), WAIT);
        assertThat(pve.snapshots(conn, vm)).isEmpty();

        pve.awaitTask(conn, pve.power(conn, vm, PowerAction.START, id), WAIT);
        assertThatThrownBy(() -> pve.destroy(conn, vm, id)).isInstanceOf(PveGuestStateException.class).hasMessageContaining("is running");
        pve.awaitTask(conn, pve.power(conn, vm, PowerAction.STOP, id), WAIT);
        assertThat(pve.status(conn, vm).state()).isEqualTo(PowerState.STOPPED);
        assertThatThrownBy(() -> pve.power(conn, vm, PowerAction.REBOOT, id)).isInstanceOf(PveGuestStateException.class);

        assertThatThrownBy(() -> pve.destroy(conn, vm, UUID.randomUUID())).isInstanceOf(PveGuestNotOursException.class);
        pve.awaitTask(conn, pve.destroy(conn, vm, id), WAIT);
        assertThatThrownBy(() -> pve.status(conn, vm)).isInstanceOf(PveNotFoundException.class);
        assertThat(pve.clusterResources(conn, ResourceKind.VM)).noneMatch(r -> vm.vmid() == (r.vmid() == null ? -1 : r.vmid()));
    }

    private void awaitOptional(java.util.Optional<Upid> task) {
        task.ifPresent(u -> pve.awaitTask(conn, u, WAIT));
    }

    @Test
    void lxc_from_ostemplate_with_warnings_firewall_migrate_and_console() {
        UUID id = UUID.randomUUID();
        String tpl = pve.storageContent(conn, "pve-sim1", "local", StorageContentType.VZTMPL).get(0).volid();
        CreatedGuest ct = pve.createLxc(conn, new LxcCreateSpec("pve-sim1", null, id, "ct1", tpl, "local-lvm", 8, 1, 512, 512,
                "vmbr0", "203.0.113.20/24", "203.0.113.1", 20, "pw-123456", List.of("ssh-ed25519 AAAAC3Nza k"), true));
        TaskResult created = pve.awaitTask(conn, ct.upid(), WAIT);
        assertThat(created.warnings()).isEqualTo(1);
        GuestRef g = ct.guest();
        assertThat(pve.config(conn, g).proximaVmId()).isEqualTo(id);

        FirewallOptions opts = pve.firewallOptions(conn, g);
        pve.setFirewallOptions(conn, g, new FirewallOptions(true, "DROP", "ACCEPT", true, false, opts.digest()));
        pve.addFirewallRule(conn, g, FirewallRule.of("in", "ACCEPT", "tcp", "22", null, true, "ssh"), pve.firewallRules(conn, g).digest());
        pve.addFirewallRule(conn, g, FirewallRule.of("in", "ACCEPT", "tcp", "443", null, true, "https"), pve.firewallRules(conn, g).digest());
        pve.setClusterFirewallEnabled(conn, true);
        List<FirewallRule> rules = pve.firewallRules(conn, g).rules();
        assertThat(rules).extracting(FirewallRule::dport).containsExactly("443", "22");
        String staleDigest = pve.firewallRules(conn, g).digest();
        pve.deleteFirewallRule(conn, g, 0, staleDigest);
        assertThatThrownBy(() -> pve.deleteFirewallRule(conn, g, 0, staleDigest))
                .isInstanceOf(io.proxima.application.hypervisor.PveConfigModifiedException.class);
        assertThat(pve.firewallOptions(conn, g).enabled()).isTrue();
        assertThat(pve.clusterFirewallEnabled(conn)).isTrue();

        pve.awaitTask(conn, pve.power(conn, g, PowerAction.START, id), WAIT);
        Upid mig = pve.migrate(conn, g, "pve-sim2", id);
        pve.awaitTask(conn, mig, WAIT);
        GuestRef moved = g.onNode("pve-sim2");
        assertThat(pve.status(conn, moved).state()).isEqualTo(PowerState.RUNNING);
        assertThat(pve.termProxy(conn, moved).ticket()).startsWith("PVEVNC:");
        assertThat(pve.guestRrd(conn, moved, RrdTimeframe.HOUR, RrdConsolidation.AVERAGE)).hasSize(70);
        assertThat(pve.nodeStatus(conn, "pve-sim2").loadAverage()).hasSize(3);
    }

    @Test
    void twenty_parallel_creates_from_two_instances_get_twenty_distinct_vmids() throws Exception {
        ProxmoxHypervisor otherInstance = newAdapter();
        ExecutorService pool = Executors.newFixedThreadPool(20);
        try {
            List<Future<CreatedGuest>> futures = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                ProxmoxHypervisor adapter = i % 2 == 0 ? pve : otherInstance;
                int n = i;
                futures.add(pool.submit(() -> adapter.createLxc(conn, new LxcCreateSpec("pve-sim" + (1 + n % 2), null, UUID.randomUUID(),
                        "ct" + n, "local:vztmpl/debian-12-standard_12.7-1_amd64.tar.zst", "local-lvm", 4, 1, 256, 0, "vmbr0",
                        "dhcp", null, null, null, List.of(), true))));
            }
            Set<Integer> vmids = new HashSet<>();
            for (Future<CreatedGuest> f : futures) {
                CreatedGuest c = f.get(30, TimeUnit.SECONDS);
                vmids.add(c.guest().vmid());
                pve.awaitTask(conn, c.upid(), WAIT);
            }
            assertThat(vmids).hasSize(20);
            List<ClusterResource> lxc = pve.clusterResources(conn, ResourceKind.VM).stream().filter(r -> "lxc".equals(r.type())).toList();
            assertThat(lxc).hasSize(20).allMatch(r -> r.proximaVmId() != null);
        } finally {
            pool.shutdownNow();
            otherInstance.closeClients();
        }
    }

    @Test
    void parallel_clones_to_one_id_lose_inside_the_task_like_pve() {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        GuestRef template = GuestRef.qemu("pve-sim1", 9000);
        int id = pve.nextFreeVmid(conn);
        CreatedGuest first = pve.cloneGuest(conn, new CloneSpec(template, id, null, "a", a, false, null, null));
        CreatedGuest second = pve.cloneGuest(conn, new CloneSpec(template, id, null, "b", b, false, null, null));

        pve.awaitTask(conn, first.upid(), WAIT);
        assertThatThrownBy(() -> pve.awaitTask(conn, second.upid(), WAIT)).isInstanceOfSatisfying(PveTaskFailedException.class,
                e -> {
                    assertThat(e.kind()).isEqualTo(PveTaskFailedException.Kind.ALREADY_EXISTS);
                    assertThat(e.logTail()).anyMatch(l -> l.contains("config file already exists"));
                });
        assertThat(pve.config(conn, first.guest()).proximaVmId()).isEqualTo(a);
    }

    @Test
    void a_wrong_token_is_a_401_without_body() {
        PveNodeConnection bad = PveNodeConnection.withToken(sim.baseUrl(), sim.endpoint().tokenId(), "wrong", PveTlsTrust.system());
        assertThatThrownBy(() -> pve.version(bad)).isInstanceOf(PveAuthenticationException.class);
    }

    @Test
    void ten_thousand_guests_sync_in_one_call() {
        sim.seedGuests(10_000);
        List<ClusterResource> all = pve.clusterResources(conn, ResourceKind.VM);
        assertThat(all).hasSize(10_000 + 2);
        assertThat(all.stream().filter(r -> r.proximaVmId() != null).count()).isEqualTo(10_000);
        assertThat(sim.requestCounts()).containsEntry("GET /cluster/resources", 1L);
    }
}
