package io.proxima.application.node.service;

import io.proxima.application.hypervisor.PveException;
import io.proxima.application.hypervisor.port.out.Hypervisor;
import io.proxima.application.hypervisor.port.out.NodeStatus;
import io.proxima.application.hypervisor.port.out.PveNodeConnection;
import io.proxima.application.hypervisor.port.out.PveTlsTrust;
import io.proxima.application.hypervisor.port.out.PveVersion;
import io.proxima.application.hypervisor.port.out.RrdConsolidation;
import io.proxima.application.hypervisor.port.out.RrdPoint;
import io.proxima.application.hypervisor.port.out.RrdTimeframe;
import io.proxima.application.node.port.in.NodeAdministrationUseCase;
import io.proxima.application.node.port.out.NodeRepository;
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
import java.util.List;
import java.util.UUID;
import java.util.logging.Logger;

@ApplicationScoped
public class NodeAdministrationService implements NodeAdministrationUseCase {

    private static final Logger LOG = Logger.getLogger(NodeAdministrationService.class.getName());

    private final NodeRepository nodes;
    private final NodeTransactions tx;
    private final Hypervisor hypervisor;
    private final SecretCipher cipher;
    private final Clock clock;

    @Inject
    public NodeAdministrationService(NodeRepository nodes, NodeTransactions tx, Hypervisor hypervisor, SecretCipher cipher,
                                     Clock clock) {
        this.nodes = nodes;
        this.tx = tx;
        this.hypervisor = hypervisor;
        this.cipher = cipher;
        this.clock = clock;
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

    @Override
    @Transactional
    public Node register(NodeCommand command, UUID adminId) {
        if (command.apiTokenSecret() == null || command.apiTokenSecret().isBlank()) {
            throw ValidationException.of("api_token_secret", "validation.required", "is required");
        }
        if (nodes.findByName(command.settings().name()).isPresent()) {
            throw new ConflictException("error.node.name_taken", "A node named " + command.settings().name() + " exists");
        }
        warnIfInsecure(command.settings());
        Node node = Node.register(command.settings(), cipher.encrypt(command.apiTokenSecret()), clock.instant());
        nodes.insert(node);
        return node;
    }

    @Override
    @Transactional
    public Node update(UUID id, NodeCommand command, Long expectedVersion, UUID adminId) {
        Node node = get(id);
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
        nodes.update(node);
        return node;
    }

    @Override
    @Transactional
    public void delete(UUID id, UUID adminId) {
        get(id);
        if (nodes.inUse(id)) {
            throw new ConflictException("error.node.in_use", "The node still has guests, templates or IP pools");
        }
        nodes.delete(id);
    }

    @Override
    public ConnectionTest testConnection(UUID id) {
        PveNodeConnection conn = tx.connection(id);
        long start = System.nanoTime();
        try {
            PveVersion v = hypervisor.version(conn);
            return new ConnectionTest(true, (System.nanoTime() - start) / 1_000_000, v.version(), null);
        } catch (PveException e) {
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
        return hypervisor.nodeRrd(tx.connection(id), node.settings().pveNode(), timeframe, RrdConsolidation.AVERAGE);
    }

    @Override
    public void heartbeatAll() {
        for (Node node : tx.enabledNodes()) {
            try {
                PveNodeConnection conn = tx.connection(node.id());
                NodeStatus status = hypervisor.nodeStatus(conn, node.settings().pveNode());
                String version = hypervisor.version(conn).version();
                tx.heartbeat(node.id(), status.memTotal() / (1024 * 1024), status.cpus(), version);
            } catch (PveException e) {
                LOG.warning("node " + node.settings().name() + " did not answer the heartbeat: " + e.getMessage());
                tx.unreachable(node.id());
            }
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
