package io.proxima.bootstrap.proxmox;

import io.proxima.adapter.out.proxmox.simulator.PveSimulatorEndpoint;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.concurrent.atomic.AtomicReference;

/** What the node registry of the next issue does: observe the simulator's start and register its nodes. */
@ApplicationScoped
@Startup
public class SimulatorAnnouncements {

    private final AtomicReference<PveSimulatorEndpoint> seen = new AtomicReference<>();

    void onSimulator(@Observes PveSimulatorEndpoint endpoint) {
        seen.set(endpoint);
    }

    /** Through a method: a field read on the client proxy would see the proxy's own, empty field. */
    public PveSimulatorEndpoint last() {
        return seen.get();
    }
}
