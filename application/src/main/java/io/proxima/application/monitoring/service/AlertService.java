package io.proxima.application.monitoring.service;

import io.proxima.application.audit.AuditEvent;
import io.proxima.application.audit.port.in.AuditLog;
import io.proxima.application.monitoring.port.in.AlertUseCase;
import io.proxima.application.monitoring.port.out.AlertNotifier;
import io.proxima.application.monitoring.port.out.AlertStore;
import io.proxima.application.monitoring.port.out.AlertStore.AlertFilter;
import io.proxima.application.node.service.NodeTransactions;
import io.proxima.application.shared.Page;
import io.proxima.application.shared.PageRequest;
import io.proxima.application.vm.port.in.VmActionsUseCase.Actor;
import io.proxima.application.vm.port.in.VmQueryUseCase;
import io.proxima.domain.monitoring.Alert;
import io.proxima.domain.monitoring.AlertRule;
import io.proxima.domain.monitoring.AlertStatus;
import io.proxima.domain.monitoring.Comparison;
import io.proxima.domain.monitoring.Metric;
import io.proxima.domain.monitoring.RuleScope;
import io.proxima.domain.monitoring.Severity;
import io.proxima.domain.shared.DomainException;
import io.proxima.domain.shared.ErrorCode;
import io.proxima.domain.shared.FieldError;
import io.proxima.domain.shared.NotFoundException;
import io.proxima.domain.shared.StaleVersionException;
import io.proxima.domain.shared.ValidationException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Rules and alerts for the API. A customer's rule belongs to the customer and may watch only the
 * customer's own VMs; an administrator's rule belongs to the fleet (no owner) and may watch
 * anything. Every change is audited in its transaction.
 */
@ApplicationScoped
@Transactional
public class AlertService implements AlertUseCase {

    private final AlertStore store;
    private final AuditLog audit;
    private final VmQueryUseCase vms;
    private final NodeTransactions nodes;
    private final Instance<AlertNotifier> notifiers;
    private final Clock clock;

    @Inject
    public AlertService(AlertStore store, AuditLog audit, VmQueryUseCase vms, NodeTransactions nodes,
                        Instance<AlertNotifier> notifiers, Clock clock) {
        this.store = store;
        this.audit = audit;
        this.vms = vms;
        this.nodes = nodes;
        this.notifiers = notifiers;
        this.clock = clock;
    }

    @Override
    public AlertRule createRule(RuleCommand c, Actor actor) {
        Instant now = clock.instant();
        AlertRule rule = build(UUID.randomUUID(), actor.admin() ? null : actor.userId(), c, now, now, 0, actor);
        store.insertRule(rule);
        audit.record(AuditEvent.of("alert_rule.create", "alert_rule", rule.id()).detail("metric", rule.metric().wireName())
                .detail("scope", rule.scope().kind().wireName()));
        return rule;
    }

    @Override
    public AlertRule updateRule(UUID id, RuleCommand c, Long expectedVersion, Actor actor) {
        AlertRule current = rule(id, actor);
        if (expectedVersion != null && expectedVersion != current.version()) {
            throw new StaleVersionException("AlertRule", expectedVersion, current.version());
        }
        AlertRule next = build(id, current.ownerId(), c, current.createdAt(), clock.instant(), current.version() + 1, actor);
        if (!store.updateRule(next, current.version())) {
            throw new StaleVersionException("AlertRule", current.version(), current.version() + 1);
        }
        audit.record(AuditEvent.of("alert_rule.update", "alert_rule", id));
        return next;
    }

    @Override
    public void deleteRule(UUID id, Actor actor) {
        rule(id, actor);
        store.deleteRule(id);
        audit.record(AuditEvent.of("alert_rule.delete", "alert_rule", id));
    }

    @Override
    public AlertRule rule(UUID id, Actor actor) {
        AlertRule r = store.rule(id).orElseThrow(() -> new NotFoundException("AlertRule", id));
        if (!actor.admin() && !actor.userId().equals(r.ownerId())) {
            throw new NotFoundException("AlertRule", id);
        }
        return r;
    }

    @Override
    public Page<AlertRule> rules(PageRequest page, Actor actor) {
        return store.rules(actor.admin() ? null : actor.userId(), page);
    }

    @Override
    public Page<Alert> alerts(AlertFilter f, PageRequest page, Actor actor) {
        if (f.severity() != null) {
            Severity.parse("severity", f.severity());
        }
        if (f.status() != null) {
            AlertStatus.parse("status", f.status());
        }
        AlertFilter scoped = new AlertFilter(actor.admin() ? f.ownerId() : actor.userId(), f.nodeId(), f.vmId(),
                f.severity() == null ? null : f.severity().trim().toLowerCase(), f.status() == null ? null : f.status().trim().toLowerCase());
        return store.alerts(scoped, page);
    }

    @Override
    public Alert alert(UUID id, Actor actor) {
        Alert a = store.alert(id).orElseThrow(() -> new NotFoundException("Alert", id));
        if (!actor.admin() && !actor.userId().equals(a.ownerId())) {
            throw new NotFoundException("Alert", id);
        }
        return a;
    }

    @Override
    public Alert acknowledge(UUID id, Actor actor) {
        Alert a = alert(id, actor);
        a.acknowledge(actor.userId(), clock.instant());
        store.updateAlert(a);
        audit.record(AuditEvent.of("alert.acknowledge", "alert", id));
        return a;
    }

    @Override
    public Alert resolve(UUID id, Actor actor) {
        if (!actor.admin()) {
            throw new DomainException(ErrorCode.FORBIDDEN, "error.forbidden", "only administrators resolve alerts by hand");
        }
        Alert a = alert(id, actor);
        a.resolve(actor.userId(), clock.instant());
        store.updateAlert(a);
        audit.record(AuditEvent.of("alert.resolve", "alert", id).detail("by", "hand"));
        notifiers.forEach(n -> n.resolved(a));
        return a;
    }

    private AlertRule build(UUID id, UUID ownerId, RuleCommand c, Instant created, Instant updated, long version, Actor actor) {
        if (c.threshold() == null) {
            throw ValidationException.of("threshold", "validation.required", "is required");
        }
        Metric metric = Metric.parse(c.metric());
        Comparison comparison = c.comparison() == null ? Comparison.GT : Comparison.parse(c.comparison());
        Severity severity = c.severity() == null ? Severity.WARNING : Severity.parse("severity", c.severity());
        RuleScope.Kind kind = c.scopeType() == null
                ? (metric == Metric.NODE_OFFLINE ? RuleScope.Kind.ALL_NODES : RuleScope.Kind.ALL_VMS)
                : RuleScope.parseKind(c.scopeType());
        RuleScope scope = new RuleScope(kind, c.scopeId());
        checkScope(scope, actor);
        return new AlertRule(id, ownerId, c.name() == null ? metric.wireName() + " alert" : c.name().trim(), metric,
                comparison, c.threshold(), c.clearThreshold(), c.durationSeconds() == null ? 0 : c.durationSeconds(),
                c.clearDurationSeconds(), severity, scope, c.enabled() == null || c.enabled(), created, updated, version);
    }

    /** Customers watch only their own VMs; a scope they do not own is a validation error, as the issue asks. */
    private void checkScope(RuleScope scope, Actor actor) {
        if (scope.kind().nodes() && !actor.admin()) {
            throw new ValidationException(List.of(FieldError.of("scope_type", "validation.alert.scope_forbidden",
                    "customers may watch their own VMs only (vm or all_vms)")));
        }
        try {
            if (scope.kind() == RuleScope.Kind.VM) {
                vms.get(scope.targetId(), actor);
            } else if (scope.kind() == RuleScope.Kind.NODE) {
                nodes.node(scope.targetId());
            }
        } catch (NotFoundException e) {
            throw ValidationException.of("scope_id", "validation.alert.scope_unknown", "no such resource of yours");
        }
    }
}
