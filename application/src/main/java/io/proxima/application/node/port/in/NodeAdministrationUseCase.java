package io.proxima.application.node.port.in;

import io.proxima.application.hypervisor.port.out.NodeStatus;
import io.proxima.application.hypervisor.port.out.RrdPoint;
import io.proxima.application.hypervisor.port.out.RrdTimeframe;
import io.proxima.domain.node.Node;
import java.util.List;
import java.util.UUID;

/** Administrators manage the PVE nodes guests are placed on. */
public interface NodeAdministrationUseCase {

    /** Settings plus the API token secret in clear (encrypted before it is stored). */
    record NodeCommand(Node.Settings settings, String apiTokenSecret) {
    }

    /** Outcome of a connection test (seed 003 shape). */
    record ConnectionTest(boolean connected, long latencyMs, String pveVersion, String error) {
    }

    List<Node> list();

    Node get(UUID id);

    Node register(NodeCommand command, UUID adminId);

    /** {@code expectedVersion} null skips the optimistic check. A null secret keeps the stored one. */
    Node update(UUID id, NodeCommand command, Long expectedVersion, UUID adminId);

    /** Refused (409) while guests, templates or pools still use the node. */
    void delete(UUID id, UUID adminId);

    /** Also refreshes the node's observed status and capacity. */
    ConnectionTest testConnection(UUID id);

    /** Live CPU, memory, disk and network figures from PVE. */
    NodeStatus metrics(UUID id);

    List<RrdPoint> history(UUID id, RrdTimeframe timeframe);

    /** Refreshes every enabled node's status and capacity now (each node on its own; one failing never stops the rest). */
    void heartbeatAll();

    /** The scheduled heartbeat: {@link #heartbeatAll()} by one instance per period; false when another has the period. */
    boolean heartbeatIfDue(java.time.Duration period);
}
