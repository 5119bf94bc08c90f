package io.proxima.adapter.out.proxmox.simulator;

import io.proxima.adapter.out.proxmox.PveConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Starts the built-in PVE simulator when {@code proxima.pve.simulator.enabled=true} and publishes
 * where it listens. The node registry (the VM issue) registers it as node(s) either by observing
 * the {@link PveSimulatorEndpoint} CDI event fired at start, or by asking {@link #endpoint()}.
 * Disabled, it starts nothing and {@link #endpoint()} is empty.
 */
@ApplicationScoped
public class SimulatedPveCluster {

    private static final Logger LOG = Logger.getLogger(SimulatedPveCluster.class);

    private final PveConfig config;
    private final Vertx vertx;
    private final Event<PveSimulatorEndpoint> started;
    private volatile PveSimulator simulator;

    @Inject
    public SimulatedPveCluster(PveConfig config, Vertx vertx, Event<PveSimulatorEndpoint> started) {
        this.config = config;
        this.vertx = vertx;
        this.started = started;
    }

    void onStart(@Observes StartupEvent event) {
        PveConfig.Simulator s = config.simulator();
        if (!s.enabled()) {
            return;
        }
        LOG.warn("The built-in PVE simulator is ENABLED: guests are simulated, nothing runs. "
                + "Set PROXIMA_PVE_SIMULATOR_ENABLED=false in production.");
        SimulatorSettings settings = new SimulatorSettings(s.host(), s.port(), s.nodes(), s.tokenId(),
                s.tokenSecret().orElseGet(() -> UUID.randomUUID().toString()), s.taskDuration(), s.seedGuests());
        simulator = new PveSimulator(vertx, settings).start();
        started.fire(simulator.endpoint());
    }

    void onStop(@Observes ShutdownEvent event) {
        PveSimulator s = simulator;
        if (s != null) {
            s.stop();
        }
    }

    /** Where the running simulator listens, with its token and node names; empty when disabled. */
    public Optional<PveSimulatorEndpoint> endpoint() {
        PveSimulator s = simulator;
        return s == null ? Optional.empty() : Optional.of(s.endpoint());
    }

    /** The simulator itself (tests, bench), when running. */
    public Optional<PveSimulator> simulator() {
        return Optional.ofNullable(simulator);
    }
}
