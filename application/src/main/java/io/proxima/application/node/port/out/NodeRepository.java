package io.proxima.application.node.port.out;

import io.proxima.domain.node.Node;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Node aggregates; configuration updates are optimistic on the version, observed state is last-writer-wins. */
public interface NodeRepository {

    Optional<Node> find(UUID id);

    List<Node> findAll();

    Optional<Node> findByName(String name);

    void insert(Node node);

    /** Throws {@code StaleVersionException} when the node was saved by someone else in between. */
    void update(Node node);

    /** Writes the node's observed state only (status, capacity, heartbeat); the version is not touched. */
    void saveObserved(Node node);

    /** True when guests, templates or pools still refer to the node. */
    boolean inUse(UUID id);

    void delete(UUID id);
}
