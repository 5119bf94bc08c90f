package io.proxima.domain.monitoring;

import io.proxima.domain.shared.FieldError;
import io.proxima.domain.shared.ValidationException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * An alert rule: the metric, how it is compared with the threshold, how long the condition must
 * hold before an alert triggers, and its hysteresis — an optional separate clear threshold and
 * clear duration (default: the trigger's), so a value hovering at the threshold does not flap.
 */
public record AlertRule(UUID id, UUID ownerId, String name, Metric metric, Comparison comparison, double threshold,
                        Double clearThreshold, int durationSeconds, Integer clearDurationSeconds, Severity severity,
                        RuleScope scope, boolean enabled, Instant createdAt, Instant updatedAt, long version) {

    public static final int MAX_DURATION_SECONDS = 86_400;
    /** 100 Gbit/s in bytes per second: higher network thresholds are typing errors. */
    public static final double MAX_RATE = 12.5e9;

    public AlertRule {
        List<FieldError> errors = new ArrayList<>();
        if (name == null || name.isBlank() || name.length() > 100) {
            errors.add(FieldError.of("name", "validation.alert.name", "is required, at most 100 characters"));
        }
        if (metric == null || comparison == null || severity == null || scope == null) {
            throw new IllegalArgumentException("metric, comparison, severity and scope are required");
        }
        checkThreshold("threshold", metric, threshold, errors);
        if (clearThreshold != null) {
            checkThreshold("clear_threshold", metric, clearThreshold, errors);
            // The clear threshold must sit on the "healthy" side of the trigger threshold.
            if (comparison.holds(clearThreshold, threshold)) {
                errors.add(FieldError.of("clear_threshold", "validation.alert.clear_threshold",
                        "must be on the clearing side of threshold"));
            }
        }
        if (durationSeconds < 0 || durationSeconds > MAX_DURATION_SECONDS) {
            errors.add(FieldError.of("duration", "validation.alert.duration", "must be between 0 and 86400 seconds"));
        }
        if (clearDurationSeconds != null && (clearDurationSeconds < 0 || clearDurationSeconds > MAX_DURATION_SECONDS)) {
            errors.add(FieldError.of("clear_duration", "validation.alert.duration", "must be between 0 and 86400 seconds"));
        }
        if (metric == Metric.NODE_OFFLINE && !scope.kind().nodes()) {
            errors.add(FieldError.of("scope_type", "validation.alert.scope_metric", "node_offline applies to nodes only"));
        }
        if (metric == Metric.VM_STOPPED && scope.kind().nodes()) {
            errors.add(FieldError.of("scope_type", "validation.alert.scope_metric", "vm_stopped applies to VMs only"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }

    private static void checkThreshold(String field, Metric metric, double v, List<FieldError> errors) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            errors.add(FieldError.of(field, "validation.alert.threshold", "must be a number"));
        } else if (metric.percent() && (v < 0 || v > 100)) {
            errors.add(FieldError.of(field, "validation.alert.threshold", "must be between 0 and 100 (percent)"));
        } else if (!metric.sampled() && v != 0 && v != 1) {
            errors.add(FieldError.of(field, "validation.alert.threshold", "must be 0 or 1 for a state metric"));
        } else if (v < 0 || v > MAX_RATE) {
            errors.add(FieldError.of(field, "validation.alert.threshold", "must be between 0 and 12500000000 (bytes/s)"));
        }
    }

    /** Threshold at which a firing alert counts as cleared. */
    public double effectiveClearThreshold() {
        return clearThreshold == null ? threshold : clearThreshold;
    }

    public int effectiveClearDurationSeconds() {
        return clearDurationSeconds == null ? durationSeconds : clearDurationSeconds;
    }

    /** The condition is breached by {@code value}. */
    public boolean breached(double value) {
        return comparison.holds(value, threshold);
    }

    /** A firing alert may clear at {@code value}: it is past the clear threshold, on the healthy side. */
    public boolean cleared(double value) {
        return !comparison.holds(value, effectiveClearThreshold());
    }
}
