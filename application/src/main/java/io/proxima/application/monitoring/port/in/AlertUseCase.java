package io.proxima.application.monitoring.port.in;

import io.proxima.application.monitoring.port.out.AlertStore.AlertFilter;
import io.proxima.application.shared.Page;
import io.proxima.application.shared.PageRequest;
import io.proxima.application.vm.port.in.VmActionsUseCase.Actor;
import io.proxima.domain.monitoring.Alert;
import io.proxima.domain.monitoring.AlertRule;
import java.util.UUID;

/** Alert rules and alerts. Customers see and change only their own (404 for others'); admins everything. */
public interface AlertUseCase {

    /** A rule as a caller writes it; strings are parsed and validated by the domain (422). */
    record RuleCommand(String name, String metric, String comparison, Double threshold, Double clearThreshold,
                       Integer durationSeconds, Integer clearDurationSeconds, String severity, String scopeType,
                       UUID scopeId, Boolean enabled) {
    }

    AlertRule createRule(RuleCommand command, Actor actor);

    /** {@code expectedVersion} null skips the optimistic check. */
    AlertRule updateRule(UUID id, RuleCommand command, Long expectedVersion, Actor actor);

    void deleteRule(UUID id, Actor actor);

    AlertRule rule(UUID id, Actor actor);

    Page<AlertRule> rules(PageRequest page, Actor actor);

    Page<Alert> alerts(AlertFilter filter, PageRequest page, Actor actor);

    Alert alert(UUID id, Actor actor);

    Alert acknowledge(UUID id, Actor actor);

    /** Administrators only. */
    Alert resolve(UUID id, Actor actor);
}
