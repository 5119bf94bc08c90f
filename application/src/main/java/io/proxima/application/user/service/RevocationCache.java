package io.proxima.application.user.service;

import io.proxima.application.user.IdentitySettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Remembers for a short time (seconds) whether a token or key was found usable, so that an
 * authenticated request does not cost a database round trip. Revocations on this instance clear
 * it at once; other instances see them when their entry expires ({@code revocationCacheTtl}).
 */
@ApplicationScoped
public class RevocationCache {

    private static final int MAX_ENTRIES = 100_000;

    private record Entry<V>(V value, long expiresAtNanos) {
    }

    private final Map<Object, Entry<Object>> entries = new ConcurrentHashMap<>();
    private final long ttlNanos;

    @Inject
    public RevocationCache(IdentitySettings settings) {
        this.ttlNanos = settings.revocationCacheTtl().toNanos();
    }

    @SuppressWarnings("unchecked")
    public <V> V get(Object key, Supplier<V> loader) {
        long now = System.nanoTime();
        Entry<Object> e = entries.get(key);
        if (e != null && now - e.expiresAtNanos() < 0) {
            return (V) e.value();
        }
        V value = loader.get();
        if (ttlNanos > 0) {
            if (entries.size() >= MAX_ENTRIES) {
                entries.clear();
            }
            entries.put(key, new Entry<>(value, now + ttlNanos));
        }
        return value;
    }

    /** The cached value if it is still fresh; never loads (safe on non-blocking threads). */
    @SuppressWarnings("unchecked")
    public <V> java.util.Optional<V> peek(Object key) {
        Entry<Object> e = entries.get(key);
        if (e != null && System.nanoTime() - e.expiresAtNanos() < 0) {
            return java.util.Optional.ofNullable((V) e.value());
        }
        return java.util.Optional.empty();
    }

    /** Revocations are rare: forgetting everything is simpler and safer than tracking what depends on what. */
    public void invalidateAll() {
        entries.clear();
    }
}
