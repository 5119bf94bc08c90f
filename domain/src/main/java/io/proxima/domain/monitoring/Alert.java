package io.proxima.domain.monitoring;

import io.proxima.domain.shared.StateConflictException;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One alert: a rule (or a built-in check, {@code ruleKey}) found its condition on one resource.
 * Lifecycle {@code triggered → acknowledged → resolved}; each transition is timestamped. At most
 * one alert per rule and resource is open (not resolved) at a time.
 */
public final class Alert {

    private final UUID id;
    private final UUID ruleId;
    private final String ruleKey;
    private final String alertType;
    private final Severity severity;
    private final String resourceType;
    private final UUID resourceId;
    private final UUID nodeId;
    private final UUID vmId;
    private final UUID ownerId;
    private final String resourceName;
    private final String message;
    private final Double value;
    private final Double threshold;
    private final Instant triggeredAt;
    private AlertStatus status;
    private Instant acknowledgedAt;
    private UUID acknowledgedBy;
    private Instant resolvedAt;
    private UUID resolvedBy;

    public Alert(UUID id, UUID ruleId, String ruleKey, String alertType, Severity severity, String resourceType,
                 UUID resourceId, UUID nodeId, UUID vmId, UUID ownerId, String resourceName, String message, Double value,
                 Double threshold, Instant triggeredAt, AlertStatus status, Instant acknowledgedAt, UUID acknowledgedBy,
                 Instant resolvedAt, UUID resolvedBy) {
        this.id = Objects.requireNonNull(id);
        this.ruleId = ruleId;
        this.ruleKey = Objects.requireNonNull(ruleKey);
        this.alertType = Objects.requireNonNull(alertType);
        this.severity = Objects.requireNonNull(severity);
        this.resourceType = Objects.requireNonNull(resourceType);
        this.resourceId = Objects.requireNonNull(resourceId);
        this.nodeId = nodeId;
        this.vmId = vmId;
        this.ownerId = ownerId;
        this.resourceName = resourceName;
        this.message = message;
        this.value = value;
        this.threshold = threshold;
        this.triggeredAt = Objects.requireNonNull(triggeredAt);
        this.status = Objects.requireNonNull(status);
        this.acknowledgedAt = acknowledgedAt;
        this.acknowledgedBy = acknowledgedBy;
        this.resolvedAt = resolvedAt;
        this.resolvedBy = resolvedBy;
    }

    /** A newly triggered alert. */
    public static Alert trigger(UUID ruleId, String ruleKey, String alertType, Severity severity, String resourceType,
                                UUID resourceId, UUID nodeId, UUID vmId, UUID ownerId, String resourceName, String message,
                                Double value, Double threshold, Instant now) {
        return new Alert(UUID.randomUUID(), ruleId, ruleKey, alertType, severity, resourceType, resourceId, nodeId, vmId,
                ownerId, resourceName, message, value, threshold, now, AlertStatus.TRIGGERED, null, null, null, null);
    }

    public void acknowledge(UUID by, Instant now) {
        if (status != AlertStatus.TRIGGERED) {
            throw new StateConflictException("error.alert.state", "Only a triggered alert can be acknowledged", status.wireName());
        }
        status = AlertStatus.ACKNOWLEDGED;
        acknowledgedAt = now;
        acknowledgedBy = by;
    }

    /** {@code by} null: the condition cleared on its own. */
    public void resolve(UUID by, Instant now) {
        if (status == AlertStatus.RESOLVED) {
            throw new StateConflictException("error.alert.state", "The alert is already resolved", status.wireName());
        }
        status = AlertStatus.RESOLVED;
        resolvedAt = now;
        resolvedBy = by;
    }

    public boolean open() {
        return status != AlertStatus.RESOLVED;
    }

    public UUID id() { return id; }
    public UUID ruleId() { return ruleId; }
    public String ruleKey() { return ruleKey; }
    public String alertType() { return alertType; }
    public Severity severity() { return severity; }
    public String resourceType() { return resourceType; }
    public UUID resourceId() { return resourceId; }
    public UUID nodeId() { return nodeId; }
    public UUID vmId() { return vmId; }
    public UUID ownerId() { return ownerId; }
    public String resourceName() { return resourceName; }
    public String message() { return message; }
    public Double value() { return value; }
    public Double threshold() { return threshold; }
    public Instant triggeredAt() { return triggeredAt; }
    public AlertStatus status() { return status; }
    public Instant acknowledgedAt() { return acknowledgedAt; }
    public UUID acknowledgedBy() { return acknowledgedBy; }
    public Instant resolvedAt() { return resolvedAt; }
    public UUID resolvedBy() { return resolvedBy; }
}
