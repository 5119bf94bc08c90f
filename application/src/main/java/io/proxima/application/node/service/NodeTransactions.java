package io.proxima.application.node.service;

import io.proxima.application.audit.AuditEvent;
import io.proxima.application.audit.port.in.AuditLog;
import io.proxima.application.hypervisor.port.out.PveNodeConnection;
import io.proxima.application.node.port.out.NodeRepository;
import io.proxima.application.shared.port.out.SecretCipher;
import io.proxima.domain.node.Node;
import io.proxima.domain.shared.NotFoundException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;

/**
 * Short transactions around node records, so PVE calls happen outside of them. Every change of
 * the configuration is audited in the transaction that makes it.
 */
@ApplicationScoped
public class NodeTransactions {

    private final NodeRepository nodes;
    private final SecretCipher cipher;
    private final AuditLog audit;

    @Inject
    public NodeTransactions(NodeRepository nodes, SecretCipher cipher, AuditLog audit) {
        this.nodes = nodes;
        this.cipher = cipher;
        this.audit = audit;
    }

    @Transactional
    public Node node(UUID id) {
        return nodes.find(id).orElseThrow(() -> new NotFoundException("Node", id));
    }

    @Transactional
    public PveNodeConnection connection(UUID id) {
        Node node = node(id);
        Node.Settings s = node.settings();
        return PveNodeConnection.withToken(s.apiUrl(), s.apiTokenId(), cipher.decrypt(node.tokenSecretEncrypted()),
                NodeAdministrationService.trustOf(s));
    }

    @Transactional
    public List<Node> enabledNodes() {
        return nodes.findAll().stream().filter(n -> n.settings().enabled()).toList();
    }

    @Transactional
    public void inserted(Node node, UUID adminId) {
        nodes.insert(node);
        audit.record(event("node.create", node, adminId));
    }

    @Transactional
    public void updated(Node node, boolean secretChanged, UUID adminId) {
        nodes.update(node);
        audit.record(event("node.update", node, adminId).detail("api_token_secret_changed", secretChanged));
    }

    @Transactional
    public void deleted(Node node, UUID adminId) {
        nodes.delete(node.id());
        audit.record(event("node.delete", node, adminId));
    }

    /** Observed state only: no version bump, no audit (nobody changed the configuration). */
    @Transactional
    public void heartbeat(UUID id, long memoryMb, int cores, String version, java.time.Instant at) {
        Node node = node(id);
        node.heartbeat(memoryMb, cores, version, at);
        nodes.saveObserved(node);
    }

    @Transactional
    public Node heartbeatFailed(UUID id, int offlineAfter) {
        Node node = node(id);
        node.heartbeatFailed(offlineAfter);
        nodes.saveObserved(node);
        return node;
    }

    // Never the secret: only whether it changed.
    private static AuditEvent event(String action, Node node, UUID adminId) {
        Node.Settings s = node.settings();
        return AuditEvent.of(action, "node", node.id()).detail("name", s.name()).detail("pve_node", s.pveNode())
                .detail("api_url", s.apiUrl()).detail("enabled", s.enabled()).detail("admin_id", adminId);
    }
}
