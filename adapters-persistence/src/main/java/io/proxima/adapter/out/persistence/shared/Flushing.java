package io.proxima.adapter.out.persistence.shared;

import io.proxima.domain.shared.StaleVersionException;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;

/**
 * Flushes an optimistic update now, so that a concurrent writer surfaces as the domain's
 * {@link StaleVersionException} (409) inside the use case rather than as a commit failure.
 */
public final class Flushing {

    private Flushing() {
    }

    public static void flushOrStale(EntityManager em, String resource, long expectedVersion) {
        try {
            em.flush();
        } catch (OptimisticLockException e) {
            throw new StaleVersionException(resource, expectedVersion, expectedVersion + 1);
        }
    }
}
