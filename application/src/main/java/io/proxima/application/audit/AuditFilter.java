package io.proxima.application.audit;

import java.time.Instant;
import java.util.UUID;

/** Filters of the administrators' audit log view; null means "any". */
public record AuditFilter(UUID userId, String action, String resourceType, String resourceId, Instant from,
                          Instant to, UUID apiKeyId) {

    public AuditFilter(UUID userId, String action, String resourceType, String resourceId, Instant from, Instant to) {
        this(userId, action, resourceType, resourceId, from, to, null);
    }
}
