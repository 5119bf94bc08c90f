package io.proxima.adapter.out.persistence.node;

import io.proxima.domain.node.Node;
import io.proxima.domain.node.NodeStatus;
import java.util.Locale;

final class NodeEntityMapper {

    private NodeEntityMapper() {
    }

    static Node toDomain(NodeEntity e) {
        return Node.reconstitute(e.id, new Node.Settings(e.name, e.pveNode, e.apiUrl, e.apiTokenId, e.tlsFingerprint,
                        e.tlsInsecure, e.location, e.cpuOvercommit, e.memoryOvercommit, e.storage, e.bridge, e.enabled),
                e.apiTokenSecretEnc, NodeStatus.valueOf(e.status.toUpperCase(Locale.ROOT)), e.lastHeartbeatAt,
                e.totalMemoryMb, e.totalCores, e.pveVersion, e.heartbeatFailures, e.version, e.createdAt, e.updatedAt);
    }

    static void copy(Node n, NodeEntity e) {
        Node.Settings s = n.settings();
        e.id = n.id();
        e.name = s.name();
        e.pveNode = s.pveNode();
        e.apiUrl = s.apiUrl();
        e.apiTokenId = s.apiTokenId();
        e.apiTokenSecretEnc = n.tokenSecretEncrypted();
        e.tlsFingerprint = s.tlsFingerprint();
        e.tlsInsecure = s.tlsInsecure();
        e.location = s.location();
        e.cpuOvercommit = s.cpuOvercommit();
        e.memoryOvercommit = s.memoryOvercommit();
        e.storage = s.storage();
        e.bridge = s.bridge();
        e.enabled = s.enabled();
        e.status = n.status().wireName();
        e.lastHeartbeatAt = n.lastHeartbeatAt();
        e.totalMemoryMb = n.totalMemoryMb();
        e.totalCores = n.totalCores();
        e.pveVersion = n.pveVersion();
        e.heartbeatFailures = n.heartbeatFailures();
        e.createdAt = n.createdAt();
        e.updatedAt = n.updatedAt();
    }
}
