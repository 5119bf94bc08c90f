package io.proxima.adapter.out.persistence.vm;

import io.proxima.application.vm.port.out.IpAddressRepository;
import io.proxima.domain.node.Ipv4Cidr;
import io.proxima.domain.vm.VmId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Address assignment by insertion: the address is the primary key of {@code ip_addresses}, so a
 * lost race is an insert that affects no row (ON CONFLICT DO NOTHING), and the next candidate is tried.
 */
@ApplicationScoped
public class IpAddressSqlRepository implements IpAddressRepository {

    private static final int RACE_RETRIES = 16;

    private static EntityManager em() {
        return VmEntity.getEntityManager();
    }

    @Override
    public Optional<Assigned> assign(UUID nodeId, VmId vmId) {
        List<Assigned> held = assignedTo(vmId);
        if (!held.isEmpty()) {
            return Optional.of(held.get(0));
        }
        // The node's own pools first, then its location's shared pools.
        @SuppressWarnings("unchecked")
        List<UUID> pools = em().createNativeQuery("""
                SELECT p.id FROM ip_pools p
                LEFT JOIN nodes n ON n.id = ?1
                WHERE p.node_id = ?1 OR (p.node_id IS NULL AND p.location IS NOT NULL AND p.location = n.location)
                ORDER BY (p.node_id IS NULL), p.created_at""", UUID.class)
                .setParameter(1, nodeId).getResultList();
        for (UUID pool : pools) {
            for (int attempt = 0; attempt < RACE_RETRIES; attempt++) {
                @SuppressWarnings("unchecked")
                List<Number> candidate = em().createNativeQuery("""
                        SELECT g FROM ip_pools p,
                             generate_series(p.network + 1, p.network + (1::bigint << (32 - p.prefix_length)) - 2) g
                        WHERE p.id = ?1 AND g <> p.gateway AND NOT (g = ANY (p.excluded))
                          AND NOT EXISTS (SELECT 1 FROM ip_addresses a WHERE a.address = g)
                        ORDER BY g LIMIT 1""").setParameter(1, pool).getResultList();
                if (candidate.isEmpty()) {
                    break; // pool exhausted
                }
                long address = candidate.get(0).longValue();
                int inserted = em().createNativeQuery("""
                        INSERT INTO ip_addresses (address, pool_id, vm_id, assigned_at) VALUES (?1, ?2, ?3, ?4)
                        ON CONFLICT (address) DO NOTHING""")
                        .setParameter(1, address).setParameter(2, pool).setParameter(3, vmId.value())
                        .setParameter(4, Instant.now()).executeUpdate();
                if (inserted == 1) {
                    return assignedTo(vmId).stream().findFirst();
                }
            }
        }
        return Optional.empty();
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<Assigned> assignedTo(VmId vmId) {
        List<Object[]> rows = em().createNativeQuery("""
                SELECT a.pool_id, a.address, p.prefix_length, p.gateway, p.dns
                FROM ip_addresses a JOIN ip_pools p ON p.id = a.pool_id
                WHERE a.vm_id = ?1 ORDER BY a.assigned_at, a.address""").setParameter(1, vmId.value()).getResultList();
        List<Assigned> out = new ArrayList<>();
        for (Object[] r : rows) {
            String dns = (String) r[4];
            out.add(new Assigned((UUID) r[0], Ipv4Cidr.format((int) ((Number) r[1]).longValue()), ((Number) r[2]).intValue(),
                    Ipv4Cidr.format((int) ((Number) r[3]).longValue()),
                    dns == null || dns.isBlank() ? List.of() : Arrays.asList(dns.split(","))));
        }
        return out;
    }

    @Override
    public void releaseAll(VmId vmId) {
        em().createNativeQuery("DELETE FROM ip_addresses WHERE vm_id = ?1").setParameter(1, vmId.value()).executeUpdate();
    }
}
