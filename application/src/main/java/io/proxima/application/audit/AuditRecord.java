package io.proxima.application.audit;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A stored audit record. {@code userId} is the account the record belongs to (the caller, or the
 * account a login was attempted on); {@code actorId} is who acted (null when anonymous);
 * {@code apiKeyId}/{@code apiKeyPrefix} name the API key the action was done with (seed 004).
 */
public record AuditRecord(UUID id, UUID userId, UUID actorId, String action, String resourceType, String resourceId,
                          String ipAddress, String userAgent, AuditResult result, Map<String, Object> details,
                          Instant createdAt, UUID apiKeyId, String apiKeyPrefix) {

    public AuditRecord {
        details = details == null ? Map.of() : Map.copyOf(details);
    }
}
