package io.proxima.domain.monitoring;

import java.time.Duration;
import java.time.Instant;

/**
 * Where one rule stands for one resource between cycles: since when the condition has held (or,
 * while firing, since when it has been clear), and whether an alert is open. {@link #step} is the
 * whole evaluation with hysteresis: trigger after the condition held for the rule's duration,
 * resolve after the value stayed past the clear threshold for the clear duration.
 */
public record ConditionState(boolean firing, Instant breachingSince, Instant clearingSince) {

    public enum Transition { NONE, TRIGGER, RESOLVE }

    public record Step(ConditionState state, Transition transition) {
    }

    public static ConditionState idle() {
        return new ConditionState(false, null, null);
    }

    /** One observation of {@code value} at {@code now}; a null value (no sample) changes nothing. */
    public Step step(AlertRule rule, Double value, Instant now) {
        if (value == null) {
            return new Step(this, Transition.NONE);
        }
        if (!firing) {
            if (!rule.breached(value)) {
                return new Step(idle(), Transition.NONE);
            }
            Instant since = breachingSince == null ? now : breachingSince;
            if (!Duration.between(since, now).minusSeconds(rule.durationSeconds()).isNegative()) {
                return new Step(new ConditionState(true, since, null), Transition.TRIGGER);
            }
            return new Step(new ConditionState(false, since, null), Transition.NONE);
        }
        if (!rule.cleared(value)) {
            return new Step(new ConditionState(true, breachingSince, null), Transition.NONE);
        }
        Instant since = clearingSince == null ? now : clearingSince;
        if (!Duration.between(since, now).minusSeconds(rule.effectiveClearDurationSeconds()).isNegative()) {
            return new Step(idle(), Transition.RESOLVE);
        }
        return new Step(new ConditionState(true, breachingSince, since), Transition.NONE);
    }
}
