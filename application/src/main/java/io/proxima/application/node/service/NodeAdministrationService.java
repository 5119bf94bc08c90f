package io.proxima.application.node.service;

import io.proxima.application.hypervisor.PveException;
import io.proxima.application.monitoring.port.in.MetricsQueryUseCase;
import io.proxima.application.hypervisor.port.out.Hypervisor;
import io.proxima.application.hypervisor.port.out.NodeStatus;
import io.proxima.application.hypervisor.port.out.PveNodeConnection;
import io.proxima.application.hypervisor.port.out.PveTlsTrust;
import io.proxima.application.hypervisor.port.out.PveVersion;
import io.proxima.application.hypervisor.port.out.RrdConsolidation;
import io.proxima.application.hypervisor.port.out.RrdPoint;
import io.proxima.application.hypervisor.port.out.RrdTimeframe;
import io.proxima.application.node.port.in.NodeAdministrationUseCase;
import io.proxima.application.node.port.out.NodeHealthConfig;
import io.proxima.application.node.port.out.NodeRepository;
import io.proxima.application.shared.port.out.PeriodicJobs;
import io.proxima.application.shared.port.out.SecretCipher;
import io.proxima.domain.node.Node;
import io.proxima.domain.shared.ConflictException;
import io.proxima.domain.shared.NotFoundException;
import io.proxima.domain.shared.StaleVersionException;
import io.proxima.domain.shared.ValidationException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

@ApplicationScoped
public class NodeAdministrationService implements NodeAdministrationUseCase {

    private static final Logger LOG = Logger.getLogger(NodeAdministrationService.class.getName());

    private final NodeRepository nodes;
    private final NodeTransactions tx;
    private final Hypervisor hypervisor;
    private final SecretCipher cipher;
    private final Clock clock;
    private final NodeHealthConfig health;
    private final PeriodicJobs jobs;

    private final MetricsQueryUseCase metrics;

    @Inject
    public NodeAdministrationService(NodeRepository nodes, NodeTransactions tx, Hypervisor hypervisor, SecretCipher cipher,
                                     Clock clock, NodeHealthConfig health, PeriodicJobs jobs, MetricsQueryUseCase metrics) {
        this.metrics = metrics;
        this.nodes = nodes;
        this.tx = tx;
        this.hypervisor = hypervisor;
        this.cipher = cipher;
        this.clock = clock;
        this.health = health;
        this.jobs = jobs;
    }

    @Override
    @Transactional
    public List<Node> list() {
        return nodes.findAll();
    }

    @Override
    @Transactional
    public Node get(UUID id) {
        return nodes.find(id).orElseThrow(() -> new NotFoundException("Node", id));
    }

    /** Not one transaction: the node is saved (and audited), then asked for its capacity outside any transaction. */
    @Override
    public Node register(NodeCommand command, UUID adminId) {
        if (command.apiTokenSecret() == null || command.apiTokenSecret().isBlank()) {
            throw ValidationException.of("api_token_secret", "validation.required", "is required");
        }
        if (nodes.findByName(command.settings().name()).isPresent()) {
            throw new ConflictException("error.node.name_taken", "A node named " + command.settings().name() + " exists");
        }
        warnIfInsecure(command.settings());
        Node node = Node.register(command.settings(), cipher.encrypt(command.apiTokenSecret()), clock.instant());
        tx.inserted(node, adminId);
        // Capacity now, not at the next heartbeat: the node can take orders as soon as it answers.
        refresh(node);
        return tx.node(node.id());
    }

    @Override
    public Node update(UUID id, NodeCommand command, Long expectedVersion, UUID adminId) {
        Node node = tx.node(id);
        if (expectedVersion != null && expectedVersion != node.version()) {
            throw new StaleVersionException("Node", expectedVersion, node.version());
        }
        nodes.findByName(command.settings().name()).filter(other -> !other.id().equals(id)).ifPresent(other -> {
            throw new ConflictException("error.node.name_taken", "A node named " + command.settings().name() + " exists");
        });
        warnIfInsecure(command.settings());
        String secret = command.apiTokenSecret() == null || command.apiTokenSecret().isBlank()
                ? null : cipher.encrypt(command.apiTokenSecret());
        node.reconfigure(command.settings(), secret, clock.instant());
        // The repository re-checks the version in the transaction (a concurrent edit gets 409).
        tx.updated(node, secret != null, adminId);
        Node saved = tx.node(id);
        if (saved.settings().enabled()) {
            refresh(saved);
        }
        return tx.node(id);
    }

    @Override
    public void delete(UUID id, UUID adminId) {
        Node node = tx.node(id);
        if (nodes.inUse(id)) {
            throw new ConflictException("error.node.in_use", "The node still has guests, templates or IP pools");
        }
        tx.deleted(node, adminId);
    }

    /** Also records what it learnt: a node that answers gets its capacity, one that does not counts a failure. */
    @Override
    public ConnectionTest testConnection(UUID id) {
        Node node = tx.node(id);
        PveNodeConnection conn = tx.connection(id);
        long start = System.nanoTime();
        try {
            PveVersion v = hypervisor.version(conn);
            long latency = (System.nanoTime() - start) / 1_000_000;
            try {
                NodeStatus status = hypervisor.nodeStatus(conn, node.settings().pveNode());
                tx.heartbeat(id, status.memTotal() / (1024 * 1024), status.cpus(), v.version(), clock.instant());
            } catch (PveException e) {
                LOG.warning("node " + node.settings().name() + " answered but not with its status: " + e.getMessage());
            }
            return new ConnectionTest(true, latency, v.version(), null);
        } catch (PveException e) {
            tx.heartbeatFailed(id, health.offlineAfterFailures());
            return new ConnectionTest(false, (System.nanoTime() - start) / 1_000_000, null, e.getMessage());
        }
    }

    @Override
    public NodeStatus metrics(UUID id) {
        Node node = tx.node(id);
        return hypervisor.nodeStatus(tx.connection(id), node.settings().pveNode());
    }

    @Override
    public List<RrdPoint> history(UUID id, RrdTimeframe timeframe) {
        Node node = tx.node(id);
        // The monitoring pipeline's samples first; PVE's RRD only for the time before it collected.
        return metrics.history("node", id, timeframe,
                () -> hypervisor.nodeRrd(tx.connection(id), node.settings().pveNode(), timeframe, RrdConsolidation.AVERAGE));
    }

    @Override
    public boolean heartbeatIfDue(Duration period) {
        long length = Math.max(1000, period.toMillis());
        Instant periodStart = Instant.ofEpochMilli(clock.millis() / length * length);
        // One instance writes each node's heartbeat per period; the others skip the round.
        if (!jobs.claim("node.heartbeat", periodStart)) {
            return false;
        }
        heartbeatAll();
        return true;
    }

    @Override
    public void heartbeatAll() {
        for (Node node : tx.enabledNodes()) {
            try {
                refresh(node);
            } catch (RuntimeException e) {
                // One node's trouble (even a database error) never skips the others.
                LOG.log(Level.WARNING, "heartbeat of node " + node.settings().name() + " failed", e);
            }
        }
    }

    /** Asks the node for its status and capacity and records the outcome as observed state. */
    private void refresh(Node node) {
        try {
            PveNodeConnection conn = tx.connection(node.id());
            NodeStatus status = hypervisor.nodeStatus(conn, node.settings().pveNode());
            String version = hypervisor.version(conn).version();
            tx.heartbeat(node.id(), status.memTotal() / (1024 * 1024), status.cpus(), version, clock.instant());
        } catch (PveException e) {
            Node after = tx.heartbeatFailed(node.id(), health.offlineAfterFailures());
            LOG.warning("node " + node.settings().name() + " did not answer (" + after.heartbeatFailures()
                    + " in a row, " + after.status().wireName() + "): " + e.getMessage());
        }
    }

    private static void warnIfInsecure(Node.Settings s) {
        if (s.tlsInsecure() && s.tlsFingerprint() == null && s.apiUrl().startsWith("https")) {
            LOG.warning("node " + s.name() + " is configured with TLS verification OFF (tls_insecure); "
                    + "pin its certificate with tls_fingerprint instead");
        }
    }

    static PveTlsTrust trustOf(Node.Settings s) {
        if (s.tlsFingerprint() != null) {
            return PveTlsTrust.pinned(s.tlsFingerprint());
        }
        return s.tlsInsecure() ? PveTlsTrust.insecure() : PveTlsTrust.system();
    }
}
