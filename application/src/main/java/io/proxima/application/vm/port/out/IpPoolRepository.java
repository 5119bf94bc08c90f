package io.proxima.application.vm.port.out;

import io.proxima.domain.node.IpPool;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** IP pool definitions (the addresses themselves are in {@link IpAddressRepository}). */
public interface IpPoolRepository {

    Optional<IpPool> find(UUID id);

    List<IpPool> list();

    void insert(IpPool pool);

    void update(IpPool pool);

    void delete(UUID id);

    /** How many addresses of the pool are assigned. */
    long assignedCount(UUID id);

    /** True when the network overlaps another pool's (other than {@code except}). */
    boolean overlaps(long network, int prefixLength, UUID except);
}
