package io.proxima.adapter.out.persistence.node;

import io.proxima.application.node.port.out.NodeRepository;
import io.proxima.domain.node.Node;
import io.proxima.domain.shared.StaleVersionException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class NodePanacheRepository implements NodeRepository {

    @Override
    public Optional<Node> find(UUID id) {
        return NodeEntity.<NodeEntity>findByIdOptional(id).map(NodeEntityMapper::toDomain);
    }

    @Override
    public List<Node> findAll() {
        return NodeEntity.<NodeEntity>list("order by name").stream().map(NodeEntityMapper::toDomain).toList();
    }

    @Override
    public Optional<Node> findByName(String name) {
        return NodeEntity.<NodeEntity>find("name", name).firstResultOptional().map(NodeEntityMapper::toDomain);
    }

    @Override
    public void insert(Node node) {
        NodeEntity e = new NodeEntity();
        NodeEntityMapper.copy(node, e);
        e.persist();
    }

    @Override
    public void update(Node node) {
        NodeEntity e = NodeEntity.findById(node.id());
        if (e == null || e.version != node.version()) {
            throw new StaleVersionException("Node", node.version(), e == null ? -1 : e.version);
        }
        NodeEntityMapper.copy(node, e);
        io.proxima.adapter.out.persistence.shared.Flushing.flushOrStale(NodeEntity.getEntityManager(), "Node", node.version());
    }

    @Override
    public void saveObserved(Node node) {
        // Last writer wins: observed facts carry no version, so concurrent heartbeats never conflict.
        // A bulk JPQL update: not versioned, so the configuration's version stays as it is.
        NodeEntity.update("status = ?1, lastHeartbeatAt = ?2, totalMemoryMb = ?3, totalCores = ?4, pveVersion = ?5, "
                        + "heartbeatFailures = ?6 where id = ?7", node.status().wireName(), node.lastHeartbeatAt(),
                node.totalMemoryMb(), node.totalCores(), node.pveVersion(), node.heartbeatFailures(), node.id());
        if (node.lastHeartbeatAt() != null || node.heartbeatFailures() > 0) {
            // The uptime history of the node-status report: one counter row per node and UTC day.
            boolean ok = node.heartbeatFailures() == 0;
            NodeEntity.getEntityManager().createNativeQuery("""
                    INSERT INTO node_availability_days (node_id, day, ok, failed) VALUES (?1, (now() AT TIME ZONE 'UTC')::date, ?2, ?3)
                    ON CONFLICT (node_id, day) DO UPDATE SET ok = node_availability_days.ok + EXCLUDED.ok,
                                                            failed = node_availability_days.failed + EXCLUDED.failed""")
                    .setParameter(1, node.id()).setParameter(2, ok ? 1 : 0).setParameter(3, ok ? 0 : 1).executeUpdate();
        }
    }

    @Override
    public boolean inUse(UUID id) {
        Number n = (Number) NodeEntity.getEntityManager().createNativeQuery("""
                SELECT (SELECT count(*) FROM vms WHERE node_id = ?1 AND status <> 'deleted')
                     + (SELECT count(*) FROM templates WHERE node_id = ?1)
                     + (SELECT count(*) FROM ip_pools WHERE node_id = ?1)""")
                .setParameter(1, id).getSingleResult();
        return n.longValue() > 0;
    }

    @Override
    public void delete(UUID id) {
        NodeEntity.deleteById(id);
    }
}
