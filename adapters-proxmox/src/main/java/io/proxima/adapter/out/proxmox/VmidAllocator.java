package io.proxima.adapter.out.proxmox;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.LongSupplier;

/**
 * Race-safe vmid choice. PVE's {@code nextid} reserves nothing, so concurrent callers get the
 * same number. Inside one Proxima instance, ids handed out recently are claimed here (a clone
 * only writes its config inside its task, so nextid keeps offering the id for a while); across
 * instances the create itself is the arbiter and the caller retries on "already exists" with a
 * randomly spread id above the taken one.
 */
final class VmidAllocator {

    private static final int MAX_VMID = 999_999_999;

    private final Map<String, Map<Integer, Long>> claimsByCluster = new ConcurrentHashMap<>();
    private final long claimTtlMillis;
    private final LongSupplier clock;

    VmidAllocator(long claimTtlMillis, LongSupplier clock) {
        this.claimTtlMillis = claimTtlMillis;
        this.clock = clock;
    }

    /** The first free-looking id at or above {@code from}, claimed for this caller. */
    int claimFrom(String cluster, int from) {
        Map<Integer, Long> claims = claims(cluster);
        long now = clock.getAsLong();
        for (int id = Math.max(100, from); id <= MAX_VMID; id++) {
            Long until = claims.get(id);
            if (until != null && until > now) {
                continue;
            }
            long expiry = now + claimTtlMillis;
            boolean won = until == null ? claims.putIfAbsent(id, expiry) == null : claims.replace(id, until, expiry);
            if (won) {
                return id;
            }
        }
        throw new IllegalStateException("no vmid left");
    }

    /** After losing a race on {@code taken}: a claimed id a little above it, spread so that racing instances diverge. */
    int claimAfterConflict(String cluster, int taken, int attempt) {
        int spread = ThreadLocalRandom.current().nextInt(0, 4 * (attempt + 1));
        return claimFrom(cluster, taken + 1 + spread);
    }

    void release(String cluster, int id) {
        claims(cluster).remove(id);
    }

    private Map<Integer, Long> claims(String cluster) {
        Map<Integer, Long> m = claimsByCluster.computeIfAbsent(cluster, k -> new ConcurrentHashMap<>());
        if (m.size() > 1024) {
            long now = clock.getAsLong();
            m.entrySet().removeIf(e -> e.getValue() <= now);
        }
        return m;
    }
}
