package io.proxima.application.node.service;

import io.proxima.application.node.port.out.NodeCapacityQuery;
import io.proxima.application.vm.port.out.NodeDirectory;
import io.proxima.domain.node.Node;
import io.proxima.domain.node.NodeCapacity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;

/** The node context's answer to what the VM context needs to know about nodes. */
@ApplicationScoped
public class NodeDirectoryService implements NodeDirectory {

    private final NodeTransactions nodes;
    private final NodeCapacityQuery capacity;

    @Inject
    public NodeDirectoryService(NodeTransactions nodes, NodeCapacityQuery capacity) {
        this.nodes = nodes;
        this.capacity = capacity;
    }

    @Override
    public NodeTarget target(UUID nodeId) {
        Node node = nodes.node(nodeId);
        return new NodeTarget(nodeId, node.settings().pveNode(), nodes.connection(nodeId), node.settings().storage(),
                node.settings().bridge());
    }

    @Override
    public List<NodeCapacity> capacities() {
        return capacity.capacities();
    }

    @Override
    public void lockPlacement() {
        capacity.lockPlacement();
    }
}
