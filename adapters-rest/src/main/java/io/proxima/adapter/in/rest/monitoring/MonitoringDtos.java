package io.proxima.adapter.in.rest.monitoring;

import io.proxima.adapter.in.rest.common.PageResponse;
import io.proxima.application.shared.Page;
import io.proxima.domain.monitoring.Alert;
import io.proxima.domain.monitoring.AlertRule;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Request and response bodies of the monitoring routes. */
final class MonitoringDtos {

    private MonitoringDtos() {
    }

    /** Seed 003's alert, plus the resource it is about and the lifecycle timestamps. */
    record AlertResponse(UUID id, UUID ruleId, String alertType, String severity, String status, String message,
                         String resourceType, UUID resourceId, String resourceName, UUID serverId, String serverName,
                         UUID nodeId, UUID vmId, Double value, Double threshold, Instant triggeredAt,
                         Instant acknowledgedAt, UUID acknowledgedBy, Instant resolvedAt, UUID resolvedBy) {

        static AlertResponse from(Alert a) {
            boolean node = "node".equals(a.resourceType());
            return new AlertResponse(a.id(), a.ruleId(), a.alertType(), a.severity().wireName(), a.status().wireName(),
                    a.message(), a.resourceType(), a.resourceId(), a.resourceName(), a.nodeId(),
                    node ? a.resourceName() : null, a.nodeId(), a.vmId(), a.value(), a.threshold(), a.triggeredAt(),
                    a.acknowledgedAt(), a.acknowledgedBy(), a.resolvedAt(), a.resolvedBy());
        }
    }

    /** The paged list of SPEC section 2, with seed 003's {@code alerts} beside {@code items}. */
    record AlertPage(List<AlertResponse> items, List<AlertResponse> alerts, PageResponse.Pagination pagination) {

        static AlertPage of(Page<Alert> page) {
            PageResponse<AlertResponse> p = PageResponse.of(page, AlertResponse::from);
            return new AlertPage(p.items(), p.items(), p.pagination());
        }
    }

    record RuleRequest(String name, String metric, String comparison, Double threshold, Double clearThreshold,
                       Integer duration, Integer clearDuration, String severity, String scopeType, String scopeId,
                       Boolean enabled, Long version) {
    }

    record RuleResponse(UUID id, UUID ownerId, String name, String metric, String comparison, double threshold,
                        Double clearThreshold, int duration, Integer clearDuration, String severity, String scopeType,
                        UUID scopeId, boolean enabled, Instant createdAt, Instant updatedAt, long version) {

        static RuleResponse from(AlertRule r) {
            return new RuleResponse(r.id(), r.ownerId(), r.name(), r.metric().wireName(), r.comparison().wireName(),
                    r.threshold(), r.clearThreshold(), r.durationSeconds(), r.clearDurationSeconds(), r.severity().wireName(),
                    r.scope().kind().wireName(), r.scope().targetId(), r.enabled(), r.createdAt(), r.updatedAt(), r.version());
        }
    }
}
