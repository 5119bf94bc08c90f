package io.proxima.adapter.out.persistence.vm;

import io.proxima.application.shared.Page;
import io.proxima.application.shared.PageRequest;
import io.proxima.application.vm.port.out.VmReadRepository;
import io.proxima.domain.vm.Operation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** List and detail reads of VMs and operations: one SQL statement each, no aggregate loading. */
@ApplicationScoped
public class VmReadSqlRepository implements VmReadRepository {

    private static final String COLUMNS = "id, vmid, pve_node, node_id, hostname, type, status, status_reason, cpu_cores, "
            + "memory_mb, disk_gb, plan_id, template_id, ip_addresses, owner_id, created_at, updated_at, version";
    private static final Map<String, String> ORDER = Map.of(
            "created_at", "created_at ASC, id", "-created_at", "created_at DESC, id",
            "hostname", "hostname ASC, id", "-hostname", "hostname DESC, id",
            "status", "status ASC, created_at DESC, id", "-status", "status DESC, created_at DESC, id");

    private static EntityManager em() {
        return VmEntity.getEntityManager();
    }

    @Override
    @SuppressWarnings("unchecked")
    public Page<VmView> list(VmFilter f, PageRequest page, String sort) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        List<Object> params = new ArrayList<>();
        if (!f.includeDeleted()) {
            where.append(" AND status <> 'deleted'");
        }
        if (f.ownerId() != null) {
            params.add(f.ownerId());
            where.append(" AND owner_id = ?").append(params.size());
        }
        if (f.nodeId() != null) {
            params.add(f.nodeId());
            where.append(" AND node_id = ?").append(params.size());
        }
        if (f.status() != null && !f.status().isBlank()) {
            params.add(f.status().trim().toLowerCase());
            where.append(" AND status = ?").append(params.size());
        }
        if (f.type() != null && !f.type().isBlank()) {
            params.add(f.type().trim().toLowerCase());
            where.append(" AND type = ?").append(params.size());
        }
        if (f.search() != null && !f.search().isBlank()) {
            params.add("%" + f.search().trim().toLowerCase().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
            where.append(" AND hostname LIKE ?").append(params.size());
        }
        Query count = em().createNativeQuery("SELECT count(*) FROM vms" + where);
        Query rows = em().createNativeQuery("SELECT " + COLUMNS + " FROM vms" + where + " ORDER BY "
                + ORDER.getOrDefault(sort, ORDER.get("-created_at")) + " LIMIT " + page.perPage() + " OFFSET " + page.offset());
        for (int i = 0; i < params.size(); i++) {
            count.setParameter(i + 1, params.get(i));
            rows.setParameter(i + 1, params.get(i));
        }
        long total = ((Number) count.getSingleResult()).longValue();
        List<VmView> items = ((List<Object[]>) rows.getResultList()).stream().map(VmReadSqlRepository::view).toList();
        return new Page<>(items, page, total);
    }

    @Override
    @SuppressWarnings("unchecked")
    public Optional<VmView> find(UUID id) {
        List<Object[]> rows = em().createNativeQuery("SELECT " + COLUMNS + " FROM vms WHERE id = ?1")
                .setParameter(1, id).getResultList();
        return rows.stream().findFirst().map(VmReadSqlRepository::view);
    }

    @Override
    @SuppressWarnings("unchecked")
    public Page<Operation> operations(UUID vmId, UUID ownerId, String type, String status, PageRequest page) {
        StringBuilder jpql = new StringBuilder("FROM OperationEntity o WHERE 1 = 1");
        Map<String, Object> params = new java.util.HashMap<>();
        if (vmId != null) {
            jpql.append(" AND o.vmId = :vm");
            params.put("vm", vmId);
        }
        if (ownerId != null) {
            jpql.append(" AND o.vmId IN (SELECT v.id FROM VmEntity v WHERE v.ownerId = :owner)");
            params.put("owner", ownerId);
        }
        if (type != null && !type.isBlank()) {
            jpql.append(" AND o.type = :type");
            params.put("type", type.trim().toLowerCase());
        }
        if (status != null && !status.isBlank()) {
            jpql.append(" AND o.status = :status");
            params.put("status", status.trim().toLowerCase());
        }
        var countQuery = em().createQuery("SELECT count(o) " + jpql, Long.class);
        var listQuery = em().createQuery(jpql + " ORDER BY o.createdAt DESC", OperationEntity.class)
                .setFirstResult((int) page.offset()).setMaxResults(page.perPage());
        params.forEach((k, v) -> {
            countQuery.setParameter(k, v);
            listQuery.setParameter(k, v);
        });
        List<Operation> items = listQuery.getResultList().stream().map(OperationEntityMapper::toDomain).toList();
        return new Page<>(items, page, countQuery.getSingleResult());
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<VmView> placedOn(java.util.Collection<UUID> nodeIds) {
        if (nodeIds.isEmpty()) {
            return List.of();
        }
        List<Object[]> rows = em().createNativeQuery("SELECT " + COLUMNS
                        + " FROM vms WHERE node_id = ANY(?1) AND vmid IS NOT NULL AND status <> 'deleted'")
                .setParameter(1, nodeIds.toArray(new UUID[0])).getResultList();
        return rows.stream().map(VmReadSqlRepository::view).toList();
    }

    @Override
    @SuppressWarnings("unchecked")
    public java.util.Set<Integer> vmidsInCluster(UUID nodeId) {
        List<Number> rows = em().createNativeQuery("""
                SELECT v.vmid FROM vms v
                JOIN nodes n ON n.id = v.node_id
                JOIN nodes me ON me.id = ?1 AND me.api_url = n.api_url
                WHERE v.vmid IS NOT NULL AND v.status <> 'deleted'""").setParameter(1, nodeId).getResultList();
        java.util.Set<Integer> out = new java.util.HashSet<>();
        rows.forEach(n -> out.add(n.intValue()));
        return out;
    }

    @Override
    @SuppressWarnings("unchecked")
    public java.util.Set<UUID> busyVms() {
        return new java.util.HashSet<>(em().createNativeQuery(
                "SELECT vm_id FROM vm_operations WHERE status IN ('pending', 'running')", UUID.class).getResultList());
    }

    @Override
    public Optional<OwnedOperation> operation(UUID id) {
        OperationEntity e = OperationEntity.findById(id);
        if (e == null) {
            return Optional.empty();
        }
        VmEntity vm = VmEntity.findById(e.vmId);
        return Optional.of(new OwnedOperation(OperationEntityMapper.toDomain(e), vm == null ? null : vm.ownerId));
    }

    private static VmView view(Object[] r) {
        return new VmView((UUID) r[0], r[1] == null ? null : ((Number) r[1]).intValue(), (String) r[2], (UUID) r[3],
                (String) r[4], (String) r[5], (String) r[6], (String) r[7], ((Number) r[8]).intValue(),
                ((Number) r[9]).intValue(), ((Number) r[10]).intValue(), (UUID) r[11], (UUID) r[12],
                VmEntityMapper.splitIps((String) r[13]), (UUID) r[14], instant(r[15]), instant(r[16]),
                r[17] == null ? 0 : ((Number) r[17]).longValue());
    }

    static Instant instant(Object v) {
        if (v == null) {
            return null;
        }
        if (v instanceof Instant i) {
            return i;
        }
        if (v instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        if (v instanceof Timestamp t) {
            return t.toInstant();
        }
        throw new IllegalStateException("unexpected timestamp type " + v.getClass());
    }
}
