package io.proxima.application.node.service;

import io.proxima.application.hypervisor.port.out.PveNodeConnection;
import io.proxima.application.node.port.out.NodeRepository;
import io.proxima.application.shared.port.out.SecretCipher;
import io.proxima.domain.node.Node;
import io.proxima.domain.shared.NotFoundException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

/** Short transactions around node records, so PVE calls happen outside of them. */
@ApplicationScoped
public class NodeTransactions {

    private final NodeRepository nodes;
    private final SecretCipher cipher;
    private final Clock clock;

    @Inject
    public NodeTransactions(NodeRepository nodes, SecretCipher cipher, Clock clock) {
        this.nodes = nodes;
        this.cipher = cipher;
        this.clock = clock;
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
    public void heartbeat(UUID id, long memoryMb, int cores, String version) {
        Node node = node(id);
        node.heartbeat(memoryMb, cores, version, clock.instant());
        nodes.update(node);
    }

    @Transactional
    public void unreachable(UUID id) {
        Node node = node(id);
        node.unreachable(clock.instant());
        nodes.update(node);
    }
}
