package io.proxima.bootstrap.proxmox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.proxima.adapter.out.proxmox.simulator.PveSimulatorEndpoint;
import io.proxima.adapter.out.proxmox.simulator.SimulatedPveCluster;
import io.proxima.application.hypervisor.PveAuthenticationException;
import io.proxima.application.hypervisor.port.out.CloneSpec;
import io.proxima.application.hypervisor.port.out.CreatedGuest;
import io.proxima.application.hypervisor.port.out.GuestRef;
import io.proxima.application.hypervisor.port.out.Hypervisor;
import io.proxima.application.hypervisor.port.out.PowerAction;
import io.proxima.application.hypervisor.port.out.PowerState;
import io.proxima.application.hypervisor.port.out.PveNodeConnection;
import io.proxima.application.hypervisor.port.out.PveTlsTrust;
import io.proxima.application.hypervisor.port.out.ResourceKind;
import io.quarkus.arc.ClientProxy;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The simulator as the running application sees it: started by configuration, announced, and reachable through the Hypervisor bean. */
@QuarkusTest
class PveSimulatorWiringTest {

    @Inject
    SimulatedPveCluster cluster;

    @Inject
    Hypervisor hypervisor;

    @Inject
    SimulatorAnnouncements announcements;

    private PveNodeConnection connection() {
        PveSimulatorEndpoint e = cluster.endpoint().orElseThrow();
        return PveNodeConnection.withToken(e.baseUrl(), e.tokenId(), e.tokenSecret(), PveTlsTrust.system());
    }

    @Test
    void the_enabled_simulator_announces_itself_as_a_cluster() {
        PveSimulatorEndpoint e = cluster.endpoint().orElseThrow();
        assertThat(e.nodes()).containsExactly("pve-sim1", "pve-sim2");
        assertThat(e.baseUrl()).startsWith("http://127.0.0.1:");
        assertThat(announcements.last()).isEqualTo(e);
        assertThat(hypervisor.version(connection()).release()).isEqualTo("9.1");
    }

    @Test
    void the_hypervisor_bean_carries_the_fault_tolerance_interceptors() {
        // @Retry/@Timeout apply only to intercepted beans: ArC then generates a _Subclass
        assertThat(ClientProxy.unwrap(hypervisor).getClass().getName()).endsWith("_Subclass");
    }

    @Test
    void a_guest_is_cloned_started_and_destroyed_through_the_bean() {
        PveNodeConnection conn = connection();
        UUID id = UUID.randomUUID();
        CreatedGuest g = hypervisor.cloneGuest(conn, new CloneSpec(GuestRef.qemu("pve-sim2", 9001), null, null, "it-vm", id, false, null, null));
        hypervisor.awaitTask(conn, g.upid(), Duration.ofSeconds(10));
        hypervisor.awaitTask(conn, hypervisor.power(conn, g.guest(), PowerAction.START, id), Duration.ofSeconds(10));
        assertThat(hypervisor.status(conn, g.guest()).state()).isEqualTo(PowerState.RUNNING);
        assertThat(hypervisor.clusterResources(conn, ResourceKind.VM)).anyMatch(r -> id.equals(r.proximaVmId()) || g.guest().vmid() == r.vmid());
        hypervisor.awaitTask(conn, hypervisor.power(conn, g.guest(), PowerAction.STOP, id), Duration.ofSeconds(10));
        hypervisor.awaitTask(conn, hypervisor.destroy(conn, g.guest(), id), Duration.ofSeconds(10));
    }

    @Test
    void a_wrong_token_is_refused_and_not_retried_into_success() {
        PveSimulatorEndpoint e = cluster.endpoint().orElseThrow();
        PveNodeConnection bad = PveNodeConnection.withToken(e.baseUrl(), e.tokenId(), "not-the-secret", PveTlsTrust.system());
        assertThatThrownBy(() -> hypervisor.version(bad)).isInstanceOf(PveAuthenticationException.class);
    }
}
