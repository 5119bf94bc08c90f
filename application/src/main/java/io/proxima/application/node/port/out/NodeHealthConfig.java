package io.proxima.application.node.port.out;

/** How the heartbeat judges a node (bootstrap reads it from the configuration). */
public interface NodeHealthConfig {

    /** Consecutive failed heartbeats after which a node counts as offline ({@code proxima.nodes.offline-after-failures}). */
    int offlineAfterFailures();
}
