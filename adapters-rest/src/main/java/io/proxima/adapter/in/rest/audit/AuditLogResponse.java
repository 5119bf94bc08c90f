package io.proxima.adapter.in.rest.audit;

import io.proxima.application.audit.AuditRecord;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An audit record in seed 001's shape, plus actor, user agent and result. */
@Schema(name = "AuditLog")
public record AuditLogResponse(UUID id, UUID userId, UUID actorId, String action, String resourceType,
                               String resourceId, Map<String, Object> details, String ipAddress, String userAgent,
                               String result, Instant createdAt, UUID apiKeyId, String apiKeyPrefix) {

    public static AuditLogResponse from(AuditRecord r) {
        return new AuditLogResponse(r.id(), r.userId(), r.actorId(), r.action(), r.resourceType(), r.resourceId(),
                r.details(), r.ipAddress(), r.userAgent(), r.result().code(), r.createdAt(), r.apiKeyId(), r.apiKeyPrefix());
    }
}
