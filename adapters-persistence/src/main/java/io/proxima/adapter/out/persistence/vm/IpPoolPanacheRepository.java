package io.proxima.adapter.out.persistence.vm;

import io.proxima.adapter.out.persistence.shared.Flushing;
import io.proxima.application.vm.port.out.IpPoolRepository;
import io.proxima.domain.node.IpPool;
import io.proxima.domain.node.Ipv4Cidr;
import io.proxima.domain.shared.StaleVersionException;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

@ApplicationScoped
public class IpPoolPanacheRepository implements IpPoolRepository {

    @Override
    public Optional<IpPool> find(UUID id) {
        return IpPoolEntity.<IpPoolEntity>findByIdOptional(id).map(IpPoolPanacheRepository::toDomain);
    }

    @Override
    public List<IpPool> list() {
        return IpPoolEntity.<IpPoolEntity>list("order by name").stream().map(IpPoolPanacheRepository::toDomain).toList();
    }

    @Override
    public void insert(IpPool pool) {
        IpPoolEntity e = new IpPoolEntity();
        copy(pool, e);
        e.createdAt = Instant.now();
        e.updatedAt = e.createdAt;
        e.persist();
    }

    @Override
    public void update(IpPool pool) {
        IpPoolEntity e = IpPoolEntity.findById(pool.id());
        if (e == null || e.version != pool.version()) {
            throw new StaleVersionException("IP pool", pool.version(), e == null ? -1 : e.version);
        }
        copy(pool, e);
        e.updatedAt = Instant.now();
        Flushing.flushOrStale(IpPoolEntity.getEntityManager(), "IP pool", pool.version());
    }

    @Override
    public void delete(UUID id) {
        IpPoolEntity.deleteById(id);
    }

    @Override
    public long assignedCount(UUID id) {
        return ((Number) IpPoolEntity.getEntityManager()
                .createNativeQuery("SELECT count(*) FROM ip_addresses WHERE pool_id = ?1")
                .setParameter(1, id).getSingleResult()).longValue();
    }

    @Override
    public boolean overlaps(long network, int prefixLength, UUID except) {
        long size = 1L << (32 - prefixLength);
        // Two CIDR blocks overlap when either range contains the other's start.
        Number n = (Number) IpPoolEntity.getEntityManager().createNativeQuery("""
                SELECT count(*) FROM ip_pools
                WHERE (CAST(?3 AS uuid) IS NULL OR id <> CAST(?3 AS uuid))
                  AND network < ?1 + ?2 AND ?1 < network + (1::bigint << (32 - prefix_length))""")
                .setParameter(1, network).setParameter(2, size).setParameter(3, except == null ? null : except.toString())
                .getSingleResult();
        return n.longValue() > 0;
    }

    static IpPool toDomain(IpPoolEntity e) {
        Set<Integer> excluded = new HashSet<>();
        if (e.excluded != null) {
            for (Long a : e.excluded) {
                excluded.add((int) a.longValue());
            }
        }
        List<String> dns = e.dns == null || e.dns.isBlank() ? List.of() : Arrays.asList(e.dns.split(","));
        return new IpPool(e.id, e.name, e.nodeId, e.location, new Ipv4Cidr((int) e.network, e.prefixLength),
                (int) e.gateway, excluded, dns, e.version);
    }

    private static void copy(IpPool p, IpPoolEntity e) {
        e.id = p.id();
        e.name = p.name();
        e.nodeId = p.nodeId();
        e.location = p.location();
        e.network = Integer.toUnsignedLong(p.cidr().network());
        e.prefixLength = p.cidr().prefixLength();
        e.gateway = Integer.toUnsignedLong(p.gateway());
        e.excluded = p.excluded().stream().map(Integer::toUnsignedLong).toArray(Long[]::new);
        e.dns = String.join(",", p.dns());
    }
}
