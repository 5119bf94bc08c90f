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
                s.tokenSecret().orElseGet(() -> UUID.randomUUID().toString()), s.taskDuration(), s.seedGuests(),
                durations(s.taskDurations().orElse("")), s.errorRate(), s.latency());
        simulator = new PveSimulator(vertx, settings).start();
        started.fire(simulator.endpoint());
    }

    /** {@code qmclone=30s,vzcreate=1500ms} → per-type durations (units ms, s, m). */
    static java.util.Map<String, java.time.Duration> durations(String spec) {
        java.util.Map<String, java.time.Duration> out = new java.util.HashMap<>();
        for (String part : spec.split(",")) {
            String p = part.trim();
            if (p.isEmpty()) {
                continue;
            }
            int eq = p.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("proxima.pve.simulator.task-durations: expected type=duration, got " + p);
            }
            String v = p.substring(eq + 1).trim();
            java.time.Duration d = v.endsWith("ms") ? java.time.Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2)))
                    : v.endsWith("s") ? java.time.Duration.ofSeconds(Long.parseLong(v.substring(0, v.length() - 1)))
                    : v.endsWith("m") ? java.time.Duration.ofMinutes(Long.parseLong(v.substring(0, v.length() - 1)))
                    : java.time.Duration.ofMillis(Long.parseLong(v));
            out.put(p.substring(0, eq).trim(), d);
        }
        return out;
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
