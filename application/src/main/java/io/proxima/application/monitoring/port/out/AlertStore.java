package io.proxima.application.monitoring.port.out;

import io.proxima.application.shared.Page;
import io.proxima.application.shared.PageRequest;
import io.proxima.domain.monitoring.Alert;
import io.proxima.domain.monitoring.AlertRule;
import io.proxima.domain.monitoring.ConditionState;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Alert rules, the per-resource evaluation state, and alerts. */
public interface AlertStore {

    /** List filters; null = any. {@code ownerId} is forced to the caller for customers. */
    record AlertFilter(UUID ownerId, UUID nodeId, UUID vmId, String severity, String status) {
    }

    void insertRule(AlertRule rule);

    /** False when the version did not match (a stale write). */
    boolean updateRule(AlertRule rule, long expectedVersion);

    void deleteRule(UUID id);

    Optional<AlertRule> rule(UUID id);

    Page<AlertRule> rules(UUID ownerId, PageRequest page);

    List<AlertRule> enabledRules();

    /** Evaluation state of a rule (or built-in check) per resource. */
    Map<UUID, ConditionState> conditions(String ruleKey);

    void saveConditions(String ruleKey, Map<UUID, ConditionState> states);

    /** Inserts a triggered alert unless one is already open for the rule and resource; false then. */
    boolean insertAlert(Alert alert);

    void updateAlert(Alert alert);

    Optional<Alert> alert(UUID id);

    Optional<Alert> openAlert(String ruleKey, UUID resourceId);

    /** Open alerts of one rule or check, by resource. */
    Map<UUID, Alert> openAlerts(String ruleKey);

    Page<Alert> alerts(AlertFilter filter, PageRequest page);

    long countOpen();
}
