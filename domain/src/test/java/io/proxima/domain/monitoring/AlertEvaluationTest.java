package io.proxima.domain.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.proxima.domain.monitoring.ConditionState.Transition;
import io.proxima.domain.shared.ValidationException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AlertEvaluationTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private static AlertRule rule(double threshold, Double clear, int duration, Integer clearDuration) {
        return new AlertRule(UUID.randomUUID(), UUID.randomUUID(), "cpu high", Metric.CPU, Comparison.GT, threshold, clear,
                duration, clearDuration, Severity.WARNING, new RuleScope(RuleScope.Kind.ALL_VMS, null), true, T0, T0, 0);
    }

    /** Feeds one value per minute and returns the transitions. */
    private static List<Transition> run(AlertRule rule, double... values) {
        ConditionState s = ConditionState.idle();
        List<Transition> out = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            ConditionState.Step step = s.step(rule, values[i], T0.plusSeconds(60L * i));
            s = step.state();
            out.add(step.transition());
        }
        return out;
    }

    @Test
    void triggers_only_after_the_condition_held_for_the_duration() {
        assertThat(run(rule(80, null, 120, null), 90, 90, 90, 90))
                .containsExactly(Transition.NONE, Transition.NONE, Transition.TRIGGER, Transition.NONE);
    }

    @Test
    void a_dip_below_the_threshold_restarts_the_duration() {
        assertThat(run(rule(80, null, 60, null), 90, 70, 90, 90))
                .containsExactly(Transition.NONE, Transition.NONE, Transition.NONE, Transition.TRIGGER);
    }

    @Test
    void zero_duration_triggers_at_once_and_resolves_when_clear() {
        assertThat(run(rule(80, null, 0, null), 85, 75))
                .containsExactly(Transition.TRIGGER, Transition.RESOLVE);
    }

    @Test
    void a_value_hovering_at_the_threshold_does_not_flap_with_a_clear_threshold() {
        // Trigger above 80, clear only below 70: 79/81 oscillation keeps one alert open.
        assertThat(run(rule(80, 70.0, 0, null), 81, 79, 81, 79, 81, 65))
                .containsExactly(Transition.TRIGGER, Transition.NONE, Transition.NONE, Transition.NONE, Transition.NONE,
                        Transition.RESOLVE);
    }

    @Test
    void the_clear_duration_must_hold_before_resolving() {
        assertThat(run(rule(80, null, 0, 120), 90, 50, 90, 50, 50, 50))
                .containsExactly(Transition.TRIGGER, Transition.NONE, Transition.NONE, Transition.NONE, Transition.NONE,
                        Transition.RESOLVE);
    }

    @Test
    void a_missing_sample_changes_nothing() {
        AlertRule r = rule(80, null, 60, null);
        ConditionState s = ConditionState.idle().step(r, 90.0, T0).state();
        ConditionState.Step gap = s.step(r, null, T0.plusSeconds(60));
        assertThat(gap.transition()).isEqualTo(Transition.NONE);
        assertThat(gap.state()).isEqualTo(s);
        assertThat(gap.state().step(r, 90.0, T0.plusSeconds(120)).transition()).isEqualTo(Transition.TRIGGER);
    }

    @Test
    void thresholds_out_of_range_and_misplaced_clear_thresholds_are_refused() {
        assertThatThrownBy(() -> rule(120, null, 0, null)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("threshold");
        assertThatThrownBy(() -> rule(80, 90.0, 0, null)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("clear_threshold");
        assertThatThrownBy(() -> rule(80, null, -1, null)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("duration");
        assertThatThrownBy(() -> new AlertRule(UUID.randomUUID(), UUID.randomUUID(), "x", Metric.NODE_OFFLINE,
                Comparison.GTE, 1, null, 0, null, Severity.CRITICAL, new RuleScope(RuleScope.Kind.ALL_VMS, null), true,
                T0, T0, 0)).isInstanceOf(ValidationException.class).hasMessageContaining("scope_type");
        assertThatThrownBy(() -> Metric.parse("temperature")).isInstanceOf(ValidationException.class);
    }

    @Test
    void counter_rates_handle_resets() {
        assertThat(CounterRate.perSecond(1000L, 0, 7000, 60, 0)).isEqualTo(100.0);
        // Restarted 30 s ago: the counter went down and counts from the restart.
        assertThat(CounterRate.perSecond(1_000_000L, 0, 3000, 60, 30)).isEqualTo(100.0);
        assertThat(CounterRate.perSecond(null, 0, 3000, 60, 30)).isNull();
        assertThat(CounterRate.perSecond(10L, 60, 3000, 60, 30)).isNull();
    }
}
