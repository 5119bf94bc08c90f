package io.proxima.domain.node;

import io.proxima.domain.shared.FieldError;
import io.proxima.domain.shared.ValidationException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * A block of IPv4 addresses guests get from: per node, or per location when {@code nodeId} is
 * null. The pool only knows which addresses are assignable; who holds one is recorded by a
 * unique row per address in the database, so two orders can never get the same address.
 */
public record IpPool(UUID id, String name, UUID nodeId, String location, Ipv4Cidr cidr, int gateway,
                     Set<Integer> excluded, List<String> dns, long version) {

    public IpPool {
        Objects.requireNonNull(id, "id");
        List<FieldError> errors = new ArrayList<>();
        if (name == null || name.isBlank() || name.length() > 64) {
            errors.add(FieldError.of("name", "validation.length", "must be 1 to 64 characters", 1, 64));
        }
        if (cidr != null && (!cidr.contains(gateway) || gateway == cidr.network() || gateway == cidr.broadcast())) {
            errors.add(FieldError.of("gateway", "validation.gateway", "must be a host address inside the network"));
        }
        if (cidr != null && excluded != null) {
            for (Integer e : excluded) {
                if (!cidr.contains(e)) {
                    errors.add(FieldError.of("excluded", "validation.excluded", "every excluded address must be inside the network"));
                    break;
                }
            }
        }
        if (nodeId == null && (location == null || location.isBlank())) {
            errors.add(FieldError.of("node_id", "validation.pool_scope", "a pool belongs to a node or to a location"));
        }
        if (cidr == null) {
            errors.add(FieldError.of("cidr", "validation.required", "is required"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        excluded = Set.copyOf(new TreeSet<>(excluded == null ? Set.of() : excluded));
        dns = List.copyOf(dns == null ? List.of() : dns);
    }

    public boolean isAssignable(int address) {
        return cidr.contains(address) && address != cidr.network() && address != cidr.broadcast()
                && address != gateway && !excluded.contains(address);
    }

    /** How many addresses the pool can ever hand out. */
    public long capacity() {
        long n = cidr.hostCount() - 1; // the gateway
        for (Integer e : excluded) {
            if (e != gateway && e != cidr.network() && e != cidr.broadcast()) {
                n--;
            }
        }
        return n;
    }

    /**
     * The lowest assignable address not in {@code taken}; the caller claims it with an insert
     * that a unique constraint guards and asks again with the address added when it loses a race.
     */
    public Optional<Integer> firstFree(Collection<Integer> taken) {
        Set<Integer> busy = taken instanceof Set<Integer> s ? s : Set.copyOf(taken);
        for (int a = cidr.firstHost(); Integer.compareUnsigned(a, cidr.lastHost()) <= 0; a++) {
            if (isAssignable(a) && !busy.contains(a)) {
                return Optional.of(a);
            }
            if (a == cidr.lastHost()) {
                break;
            }
        }
        return Optional.empty();
    }

    /** The {@code ip=.../gw=...} value for cloud-init's ipconfig0 / an LXC net0. */
    public String ipConfig(int address) {
        return "ip=" + Ipv4Cidr.format(address) + "/" + cidr.prefixLength() + ",gw=" + Ipv4Cidr.format(gateway);
    }
}
