package io.proxima.adapter.out.persistence.node;

import io.proxima.application.node.port.out.NodeCapacityQuery;
import io.proxima.domain.node.NodeCapacity;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Capacity and the placement lock, computed where the reservations live. */
@ApplicationScoped
public class NodeCapacitySqlQuery implements NodeCapacityQuery {

    // Any constant works; it only has to be the same for every instance.
    private static final long PLACEMENT_LOCK = 0x50524F58494D41L;

    @Override
    @SuppressWarnings("unchecked")
    public List<NodeCapacity> capacities() {
        // Reservations are every guest that holds resources, including orders still provisioning.
        List<Object[]> rows = NodeEntity.getEntityManager().createNativeQuery("""
                SELECT n.id, n.name, n.location, n.enabled, n.status, n.total_memory_mb, n.memory_overcommit,
                       n.total_cores, n.cpu_overcommit,
                       COALESCE(SUM(v.memory_mb), 0) AS reserved_mem, COALESCE(SUM(v.cpu_cores), 0) AS reserved_cores
                FROM nodes n
                LEFT JOIN vms v ON v.node_id = n.id AND v.status NOT IN ('deleted', 'error')
                GROUP BY n.id
                ORDER BY n.name""").getResultList();
        List<NodeCapacity> out = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            long totalMem = ((Number) r[5]).longValue();
            boolean online = !"offline".equals(r[4]) && totalMem > 0;
            out.add(new NodeCapacity((UUID) r[0], (String) r[1], (String) r[2], (Boolean) r[3], online, totalMem,
                    ((Number) r[6]).doubleValue(), ((Number) r[7]).intValue(), ((Number) r[8]).doubleValue(),
                    ((Number) r[9]).longValue(), ((Number) r[10]).longValue()));
        }
        return out;
    }

    @Override
    public void lockPlacement() {
        NodeEntity.getEntityManager().createNativeQuery("SELECT pg_advisory_xact_lock(?1)")
                .setParameter(1, PLACEMENT_LOCK).getSingleResult();
    }
}
