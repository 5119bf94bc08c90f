package io.proxima.application.monitoring.service;

import io.proxima.application.audit.AuditEvent;
import io.proxima.application.audit.port.in.AuditLog;
import io.proxima.application.monitoring.port.out.AlertNotifier;
import io.proxima.application.monitoring.port.out.AlertStore;
import io.proxima.domain.monitoring.Alert;
import io.proxima.domain.monitoring.ConditionState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** Each alert transition in its own short transaction, with its audit record and its notifications. */
@ApplicationScoped
public class AlertTransitions {

    private final AlertStore store;
    private final AuditLog audit;
    private final Instance<AlertNotifier> notifiers;

    @Inject
    public AlertTransitions(AlertStore store, AuditLog audit, Instance<AlertNotifier> notifiers) {
        this.store = store;
        this.audit = audit;
        this.notifiers = notifiers;
    }

    /** Opens the alert unless one is open for the same rule and resource; true when it was opened. */
    @Transactional
    public boolean trigger(Alert alert) {
        if (!store.insertAlert(alert)) {
            return false;
        }
        audit.record(AuditEvent.of("alert.trigger", "alert", alert.id()).user(alert.ownerId())
                .detail("rule", alert.ruleKey()).detail("type", alert.alertType())
                .detail("resource", alert.resourceType() + ":" + alert.resourceId()).detail("value", alert.value()));
        notifiers.forEach(n -> n.triggered(alert));
        return true;
    }

    /** Resolves the open alert of the rule and resource, if any (the condition cleared). */
    @Transactional
    public boolean resolveCleared(String ruleKey, UUID resourceId, Instant now) {
        return store.openAlert(ruleKey, resourceId).map(a -> {
            a.resolve(null, now);
            store.updateAlert(a);
            audit.record(AuditEvent.of("alert.resolve", "alert", a.id()).user(a.ownerId()).detail("by", "condition_cleared"));
            notifiers.forEach(n -> n.resolved(a));
            return true;
        }).orElse(false);
    }

    @Transactional
    public void saveConditions(String ruleKey, Map<UUID, ConditionState> states) {
        store.saveConditions(ruleKey, states);
    }
}
