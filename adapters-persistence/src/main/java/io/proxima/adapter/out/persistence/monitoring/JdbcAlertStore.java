package io.proxima.adapter.out.persistence.monitoring;

import io.proxima.adapter.out.persistence.billing.Sql;
import io.proxima.application.monitoring.port.out.AlertStore;
import io.proxima.application.shared.Page;
import io.proxima.application.shared.PageRequest;
import io.proxima.domain.monitoring.Alert;
import io.proxima.domain.monitoring.AlertRule;
import io.proxima.domain.monitoring.AlertStatus;
import io.proxima.domain.monitoring.Comparison;
import io.proxima.domain.monitoring.ConditionState;
import io.proxima.domain.monitoring.Metric;
import io.proxima.domain.monitoring.RuleScope;
import io.proxima.domain.monitoring.Severity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Alert rules, conditions and alerts in SQL; the partial unique index keeps one open alert per rule and resource. */
@ApplicationScoped
public class JdbcAlertStore implements AlertStore {

    private static final String RULE_COLUMNS = "id, owner_id, name, metric, comparison, threshold, clear_threshold, "
            + "duration_seconds, clear_duration_seconds, severity, scope_type, scope_id, enabled, created_at, updated_at, version";
    private static final String ALERT_COLUMNS = "id, rule_id, rule_key, alert_type, severity, status, resource_type, "
            + "resource_id, node_id, vm_id, owner_id, resource_name, message, value, threshold, triggered_at, "
            + "acknowledged_at, acknowledged_by, resolved_at, resolved_by";
    private static final Sql.Null NULL_DOUBLE = new Sql.Null(Types.DOUBLE);
    private static final Sql.Null NULL_INT = new Sql.Null(Types.INTEGER);

    private final Sql sql;

    @Inject
    public JdbcAlertStore(Sql sql) {
        this.sql = sql;
    }

    @Override
    public void insertRule(AlertRule r) {
        sql.update("INSERT INTO alert_rules (" + RULE_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                r.id(), Sql.uuid(r.ownerId()), r.name(), r.metric().wireName(), r.comparison().wireName(), r.threshold(),
                r.clearThreshold() == null ? NULL_DOUBLE : r.clearThreshold(), r.durationSeconds(),
                r.clearDurationSeconds() == null ? NULL_INT : r.clearDurationSeconds(), r.severity().wireName(),
                r.scope().kind().wireName(), Sql.uuid(r.scope().targetId()), r.enabled(), r.createdAt(), r.updatedAt(), r.version());
    }

    @Override
    public boolean updateRule(AlertRule r, long expectedVersion) {
        return sql.update("UPDATE alert_rules SET name = ?, metric = ?, comparison = ?, threshold = ?, clear_threshold = ?, "
                        + "duration_seconds = ?, clear_duration_seconds = ?, severity = ?, scope_type = ?, scope_id = ?, "
                        + "enabled = ?, updated_at = ?, version = ? WHERE id = ? AND version = ?",
                r.name(), r.metric().wireName(), r.comparison().wireName(), r.threshold(),
                r.clearThreshold() == null ? NULL_DOUBLE : r.clearThreshold(), r.durationSeconds(),
                r.clearDurationSeconds() == null ? NULL_INT : r.clearDurationSeconds(), r.severity().wireName(),
                r.scope().kind().wireName(), Sql.uuid(r.scope().targetId()), r.enabled(), r.updatedAt(), r.version(), r.id(),
                expectedVersion) == 1;
    }

    @Override
    public void deleteRule(UUID id) {
        sql.update("DELETE FROM alert_conditions WHERE rule_key = ?", id.toString());
        sql.update("DELETE FROM alert_rules WHERE id = ?", id);
    }

    @Override
    public Optional<AlertRule> rule(UUID id) {
        return sql.one("SELECT " + RULE_COLUMNS + " FROM alert_rules WHERE id = ?", JdbcAlertStore::rule, id);
    }

    @Override
    public Page<AlertRule> rules(UUID ownerId, PageRequest page) {
        String where = ownerId == null ? "" : " WHERE owner_id = ?";
        Object[] params = ownerId == null ? new Object[0] : new Object[] {ownerId};
        long total = sql.one("SELECT count(*) FROM alert_rules" + where, rs -> rs.getLong(1), params).orElse(0L);
        List<AlertRule> items = sql.list("SELECT " + RULE_COLUMNS + " FROM alert_rules" + where
                + " ORDER BY created_at DESC, id LIMIT " + page.perPage() + " OFFSET " + page.offset(), JdbcAlertStore::rule, params);
        return new Page<>(items, page, total);
    }

    @Override
    public List<AlertRule> enabledRules() {
        return sql.list("SELECT " + RULE_COLUMNS + " FROM alert_rules WHERE enabled ORDER BY created_at", JdbcAlertStore::rule);
    }

    @Override
    public Map<UUID, ConditionState> conditions(String ruleKey) {
        Map<UUID, ConditionState> out = new HashMap<>();
        sql.list("SELECT resource_id, firing, breaching_since, clearing_since FROM alert_conditions WHERE rule_key = ?",
                rs -> out.put(Sql.uuid(rs, "resource_id"), new ConditionState(rs.getBoolean("firing"),
                        Sql.instant(rs, "breaching_since"), Sql.instant(rs, "clearing_since"))), ruleKey);
        return out;
    }

    @Override
    public void saveConditions(String ruleKey, Map<UUID, ConditionState> states) {
        List<Object[]> rows = new ArrayList<>();
        states.forEach((id, s) -> rows.add(new Object[] {ruleKey, id, s.firing(), Sql.time(s.breachingSince()),
                Sql.time(s.clearingSince())}));
        sql.batch("INSERT INTO alert_conditions (rule_key, resource_id, firing, breaching_since, clearing_since) "
                + "VALUES (?, ?, ?, ?, ?) ON CONFLICT (rule_key, resource_id) DO UPDATE SET firing = EXCLUDED.firing, "
                + "breaching_since = EXCLUDED.breaching_since, clearing_since = EXCLUDED.clearing_since", rows);
    }

    @Override
    public boolean insertAlert(Alert a) {
        return sql.update("INSERT INTO alerts (" + ALERT_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                        + "ON CONFLICT DO NOTHING",
                a.id(), Sql.uuid(a.ruleId()), a.ruleKey(), a.alertType(), a.severity().wireName(), a.status().wireName(),
                a.resourceType(), a.resourceId(), Sql.uuid(a.nodeId()), Sql.uuid(a.vmId()), Sql.uuid(a.ownerId()),
                Sql.text(a.resourceName()), Sql.text(a.message()), a.value() == null ? NULL_DOUBLE : a.value(),
                a.threshold() == null ? NULL_DOUBLE : a.threshold(), a.triggeredAt(), Sql.time(a.acknowledgedAt()),
                Sql.uuid(a.acknowledgedBy()), Sql.time(a.resolvedAt()), Sql.uuid(a.resolvedBy())) == 1;
    }

    @Override
    public void updateAlert(Alert a) {
        sql.update("UPDATE alerts SET status = ?, acknowledged_at = ?, acknowledged_by = ?, resolved_at = ?, resolved_by = ? "
                        + "WHERE id = ?", a.status().wireName(), Sql.time(a.acknowledgedAt()), Sql.uuid(a.acknowledgedBy()),
                Sql.time(a.resolvedAt()), Sql.uuid(a.resolvedBy()), a.id());
    }

    @Override
    public Optional<Alert> alert(UUID id) {
        return sql.one("SELECT " + ALERT_COLUMNS + " FROM alerts WHERE id = ?", JdbcAlertStore::alert, id);
    }

    @Override
    public Optional<Alert> openAlert(String ruleKey, UUID resourceId) {
        return sql.one("SELECT " + ALERT_COLUMNS + " FROM alerts WHERE rule_key = ? AND resource_id = ? AND status <> 'resolved' "
                + "FOR UPDATE", JdbcAlertStore::alert, ruleKey, resourceId);
    }

    @Override
    public Map<UUID, Alert> openAlerts(String ruleKey) {
        Map<UUID, Alert> out = new HashMap<>();
        for (Alert a : sql.list("SELECT " + ALERT_COLUMNS + " FROM alerts WHERE rule_key = ? AND status <> 'resolved'",
                JdbcAlertStore::alert, ruleKey)) {
            out.put(a.resourceId(), a);
        }
        return out;
    }

    @Override
    public Page<Alert> alerts(AlertFilter f, PageRequest page) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        List<Object> params = new ArrayList<>();
        if (f.ownerId() != null) {
            where.append(" AND owner_id = ?");
            params.add(f.ownerId());
        }
        if (f.nodeId() != null) {
            where.append(" AND node_id = ?");
            params.add(f.nodeId());
        }
        if (f.vmId() != null) {
            where.append(" AND vm_id = ?");
            params.add(f.vmId());
        }
        if (f.severity() != null) {
            where.append(" AND severity = ?");
            params.add(f.severity());
        }
        if (f.status() != null) {
            where.append(" AND status = ?");
            params.add(f.status());
        }
        Object[] p = params.toArray();
        long total = sql.one("SELECT count(*) FROM alerts" + where, rs -> rs.getLong(1), p).orElse(0L);
        List<Alert> items = sql.list("SELECT " + ALERT_COLUMNS + " FROM alerts" + where + " ORDER BY triggered_at DESC, id LIMIT "
                + page.perPage() + " OFFSET " + page.offset(), JdbcAlertStore::alert, p);
        return new Page<>(items, page, total);
    }

    @Override
    public long countOpen() {
        return sql.one("SELECT count(*) FROM alerts WHERE status <> 'resolved'", rs -> rs.getLong(1)).orElse(0L);
    }

    private static Double dbl(ResultSet rs, String c) throws SQLException {
        double v = rs.getDouble(c);
        return rs.wasNull() ? null : v;
    }

    private static Integer integer(ResultSet rs, String c) throws SQLException {
        int v = rs.getInt(c);
        return rs.wasNull() ? null : v;
    }

    private static AlertRule rule(ResultSet rs) throws SQLException {
        return new AlertRule(Sql.uuid(rs, "id"), Sql.uuid(rs, "owner_id"), rs.getString("name"), Metric.parse(rs.getString("metric")),
                Comparison.parse(rs.getString("comparison")), rs.getDouble("threshold"), dbl(rs, "clear_threshold"),
                rs.getInt("duration_seconds"), integer(rs, "clear_duration_seconds"), Severity.parse("severity", rs.getString("severity")),
                new RuleScope(RuleScope.parseKind(rs.getString("scope_type")), Sql.uuid(rs, "scope_id")), rs.getBoolean("enabled"),
                Sql.instant(rs, "created_at"), Sql.instant(rs, "updated_at"), rs.getLong("version"));
    }

    private static Alert alert(ResultSet rs) throws SQLException {
        return new Alert(Sql.uuid(rs, "id"), Sql.uuid(rs, "rule_id"), rs.getString("rule_key"), rs.getString("alert_type"),
                Severity.parse("severity", rs.getString("severity")), rs.getString("resource_type"), Sql.uuid(rs, "resource_id"),
                Sql.uuid(rs, "node_id"), Sql.uuid(rs, "vm_id"), Sql.uuid(rs, "owner_id"), rs.getString("resource_name"),
                rs.getString("message"), dbl(rs, "value"), dbl(rs, "threshold"), Sql.instant(rs, "triggered_at"),
                AlertStatus.valueOf(rs.getString("status").toUpperCase(Locale.ROOT)), Sql.instant(rs, "acknowledged_at"),
                Sql.uuid(rs, "acknowledged_by"), Sql.instant(rs, "resolved_at"), Sql.uuid(rs, "resolved_by"));
    }
}
