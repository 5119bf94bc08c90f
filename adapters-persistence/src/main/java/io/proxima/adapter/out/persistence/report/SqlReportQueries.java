package io.proxima.adapter.out.persistence.report;

import io.proxima.adapter.out.persistence.billing.Sql;
import io.proxima.application.report.port.out.ReportQueries;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The reports' aggregates as SQL. Days are local dates in the requested zone
 * ({@code effective_at AT TIME ZONE zone}); ranges are half-open instants computed by the caller.
 */
@ApplicationScoped
public class SqlReportQueries implements ReportQueries {

    private final Sql sql;

    @Inject
    public SqlReportQueries(Sql sql) {
        this.sql = sql;
    }

    @Override
    public List<DayAmount> income(Instant start, Instant end, String zone, String currency) {
        return sql.list("""
                SELECT (j.effective_at AT TIME ZONE ?)::date AS day,
                       CASE j.type
                         WHEN 'recharge' THEN 'recharge:' || CASE WHEN ca.system_code LIKE 'gateway:%'
                                                                  THEN substring(ca.system_code FROM 9) ELSE 'other' END
                         WHEN 'charge' THEN 'charge:' || COALESCE(v.type, 'other')
                         WHEN 'refund' THEN 'refund:' || CASE WHEN ca.system_code LIKE 'gateway:%' THEN 'gateway' ELSE 'balance' END
                         ELSE j.type || ':all' END AS kind,
                       sum(j.amount_minor) AS amount
                  FROM billing_journal j
                  JOIN billing_accounts ca ON ca.id = j.counter_account_id
                  LEFT JOIN vms v ON v.id = j.vm_id
                 WHERE j.currency = ? AND j.effective_at >= ? AND j.effective_at < ?
                 GROUP BY 1, 2""",
                rs -> new DayAmount(rs.getObject("day", LocalDate.class), rs.getString("kind"), rs.getLong("amount")),
                zone, currency, start, end);
    }

    @Override
    public List<DayCount> userEvents(Instant start, Instant end, String zone) {
        return sql.list("""
                SELECT (created_at AT TIME ZONE ?)::date AS day, 'signup' AS event, count(*) AS n
                  FROM users WHERE role = 'user' AND created_at >= ? AND created_at < ? GROUP BY 1
                UNION ALL
                SELECT (created_at AT TIME ZONE ?)::date, 'verified', count(DISTINCT resource_id)
                  FROM audit_logs WHERE action = 'auth.verify_email' AND result = 'success'
                   AND created_at >= ? AND created_at < ? GROUP BY 1
                UNION ALL
                SELECT (created_at AT TIME ZONE ?)::date, 'disabled', count(DISTINCT resource_id)
                  FROM audit_logs WHERE action = 'user.status_change' AND result = 'success' AND details ->> 'to' = 'disabled'
                   AND created_at >= ? AND created_at < ? GROUP BY 1
                UNION ALL
                SELECT (created_at AT TIME ZONE ?)::date, 'deleted', count(DISTINCT resource_id)
                  FROM audit_logs WHERE action = 'user.delete' AND result = 'success'
                   AND created_at >= ? AND created_at < ? GROUP BY 1
                UNION ALL
                SELECT (first_paid AT TIME ZONE ?)::date, 'first_paying', count(*)
                  FROM (SELECT a.owner_id, min(j.effective_at) AS first_paid
                          FROM billing_journal j JOIN billing_accounts a ON a.id = j.account_id
                         WHERE j.type = 'recharge' AND a.owner_id IS NOT NULL GROUP BY a.owner_id) f
                 WHERE first_paid >= ? AND first_paid < ? GROUP BY 1""",
                rs -> new DayCount(rs.getObject("day", LocalDate.class), rs.getString("event"), rs.getLong("n")),
                zone, start, end, zone, start, end, zone, start, end, zone, start, end, zone, start, end);
    }

    @Override
    public long customersBefore(Instant start) {
        return sql.one("SELECT count(*) FROM users WHERE role = 'user' AND created_at < ?", rs -> rs.getLong(1), start).orElse(0L);
    }

    @Override
    public long payingBefore(Instant start) {
        return sql.one("""
                SELECT count(*) FROM (SELECT a.owner_id FROM billing_journal j JOIN billing_accounts a ON a.id = j.account_id
                                       WHERE j.type = 'recharge' AND a.owner_id IS NOT NULL
                                       GROUP BY a.owner_id HAVING min(j.effective_at) < ?) f""", rs -> rs.getLong(1), start)
                .orElse(0L);
    }

    @Override
    public long customersNow() {
        return sql.one("SELECT count(*) FROM users WHERE role = 'user' AND status <> 'deleted'", rs -> rs.getLong(1)).orElse(0L);
    }

    @Override
    public long activeCustomers(Instant from, Instant to) {
        return sql.one("""
                SELECT count(DISTINCT owner_id) FROM billing_metered_resources
                 WHERE started_at < ? AND COALESCE(ended_at, 'infinity'::timestamptz) >= ?""", rs -> rs.getLong(1), to, from)
                .orElse(0L);
    }

    @Override
    public List<NodeRow> nodes() {
        return sql.list("""
                SELECT id, name, location, enabled, status, last_heartbeat_at, total_cores, total_memory_mb,
                       cpu_overcommit, memory_overcommit FROM nodes ORDER BY name""",
                rs -> new NodeRow(Sql.uuid(rs, "id"), rs.getString("name"), rs.getString("location"), rs.getBoolean("enabled"),
                        rs.getString("status"), Sql.instant(rs, "last_heartbeat_at"), rs.getLong("total_cores"),
                        rs.getLong("total_memory_mb"), rs.getDouble("cpu_overcommit"), rs.getDouble("memory_overcommit")));
    }

    @Override
    public List<GroupedVms> vmsByNode() {
        return grouped("node_id");
    }

    @Override
    public List<GroupedVms> vmsByPlan() {
        return grouped("plan_id");
    }

    private List<GroupedVms> grouped(String column) {
        // column is one of two constants above, never user input
        return sql.list("SELECT " + column + " AS g, status, count(*) AS n, sum(cpu_cores) AS cores, sum(memory_mb) AS mem, "
                        + "sum(disk_gb) AS disk FROM vms WHERE " + column + " IS NOT NULL GROUP BY 1, 2",
                rs -> new GroupedVms(Sql.uuid(rs, "g"), rs.getString("status"), rs.getLong("n"), rs.getLong("cores"),
                        rs.getLong("mem"), rs.getLong("disk")));
    }

    @Override
    public List<PlanRow> plans() {
        return sql.list("SELECT id, name, type FROM plans ORDER BY name",
                rs -> new PlanRow(Sql.uuid(rs, "id"), rs.getString("name"), rs.getString("type")));
    }

    /** Hours each meter ran within [start, end), its current suspension excluded. */
    private static final String METERED_HOURS = """
            SUM(GREATEST(0, EXTRACT(EPOCH FROM (
                  LEAST(COALESCE(m.ended_at, ?), COALESCE(m.suspended_at, ?), ?) - GREATEST(m.started_at, ?))) / 3600.0))""";

    @Override
    public List<Hours> meteredHoursByNode(Instant start, Instant end) {
        return sql.list("SELECT v.node_id AS g, " + METERED_HOURS + " AS h FROM billing_metered_resources m "
                        + "JOIN vms v ON v.id = m.vm_id WHERE m.started_at < ? GROUP BY 1",
                rs -> new Hours(Sql.uuid(rs, "g"), rs.getDouble("h")), end, end, end, start, end);
    }

    @Override
    public List<Hours> meteredHoursByPlan(Instant start, Instant end) {
        return sql.list("SELECT m.plan_id AS g, " + METERED_HOURS + " AS h FROM billing_metered_resources m "
                        + "WHERE m.started_at < ? GROUP BY 1",
                rs -> new Hours(Sql.uuid(rs, "g"), rs.getDouble("h")), end, end, end, start, end);
    }

    @Override
    public List<Hours> meteredHoursByOwner(Instant start, Instant end) {
        return sql.list("SELECT m.owner_id AS g, " + METERED_HOURS + " AS h FROM billing_metered_resources m "
                        + "WHERE m.started_at < ? GROUP BY 1",
                rs -> new Hours(Sql.uuid(rs, "g"), rs.getDouble("h")), end, end, end, start, end);
    }

    @Override
    public List<Charged> chargesByPlan(Instant start, Instant end, String currency) {
        return sql.list("""
                SELECT v.plan_id AS g, -sum(j.amount_minor) AS c FROM billing_journal j JOIN vms v ON v.id = j.vm_id
                 WHERE j.type = 'charge' AND j.currency = ? AND j.effective_at >= ? AND j.effective_at < ? GROUP BY 1""",
                rs -> new Charged(Sql.uuid(rs, "g"), rs.getLong("c")), currency, start, end);
    }

    @Override
    public List<Charged> chargesByOwner(Instant start, Instant end, String currency) {
        return sql.list("""
                SELECT a.owner_id AS g, -sum(j.amount_minor) AS c FROM billing_journal j JOIN billing_accounts a ON a.id = j.account_id
                 WHERE j.type = 'charge' AND j.currency = ? AND j.effective_at >= ? AND j.effective_at < ? GROUP BY 1""",
                rs -> new Charged(Sql.uuid(rs, "g"), rs.getLong("c")), currency, start, end);
    }

    @Override
    public List<UserName> usernames(List<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return sql.list("SELECT id, username FROM users WHERE id = ANY (?)",
                rs -> new UserName(Sql.uuid(rs, "id"), rs.getString("username")), (Object) ids.toArray(new UUID[0]));
    }

    @Override
    public List<Availability> availability(LocalDate since) {
        return sql.list("SELECT node_id, sum(ok) AS ok, sum(failed) AS failed FROM node_availability_days WHERE day >= ? GROUP BY 1",
                rs -> new Availability(Sql.uuid(rs, "node_id"), rs.getLong("ok"), rs.getLong("failed")), Date.valueOf(since));
    }

    @Override
    public List<Charged> openAlertsByNode() {
        // Open = triggered or acknowledged, not yet resolved (the monitoring context's alert lifecycle).
        return sql.list("SELECT node_id, count(*) AS n FROM alerts WHERE resolved_at IS NULL AND node_id IS NOT NULL GROUP BY 1",
                rs -> new Charged(Sql.uuid(rs, "node_id"), rs.getLong("n")));
    }
}
