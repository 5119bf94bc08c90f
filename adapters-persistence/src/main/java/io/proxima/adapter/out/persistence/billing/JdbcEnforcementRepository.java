package io.proxima.adapter.out.persistence.billing;

import io.proxima.application.billing.port.out.EnforcementRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/** Suspension, termination and unsuspension as set-based statements, each queueing its outbox rows. */
@ApplicationScoped
public class JdbcEnforcementRepository implements EnforcementRepository {

    private final Sql sql;

    @Inject
    public JdbcEnforcementRepository(Sql sql) {
        this.sql = sql;
    }

    @Override
    public List<UUID> suspendOverdrawn(Instant now) {
        return sql.list("""
                WITH victims AS (
                    UPDATE billing_accounts a SET suspended_at = ?, version = a.version + 1
                     WHERE a.owner_id IS NOT NULL AND a.balance_minor <= 0 AND a.suspended_at IS NULL
                       AND EXISTS (SELECT 1 FROM billing_metered_resources m WHERE m.account_id = a.id AND m.status = 'active')
                 RETURNING a.id, a.owner_id, a.balance_minor, a.currency
                ), stopped AS (
                    UPDATE billing_metered_resources m
                       SET status = 'suspended', suspend_reason = 'billing', suspended_at = ?, version = m.version + 1
                      FROM victims v
                     WHERE m.account_id = v.id AND m.status = 'active'
                ), queued AS (
                    INSERT INTO billing_control_requests (owner_id, action, reason, balance_minor, currency, created_at)
                    SELECT owner_id, 'suspend', 'balance at or below zero', balance_minor, currency, ? FROM victims
                )
                SELECT owner_id FROM victims""", rs -> Sql.uuid(rs, "owner_id"), now, now, now);
    }

    @Override
    public List<UUID> terminateOverdue(Instant suspendedBefore, Instant now) {
        return sql.list("""
                WITH victims AS (
                    UPDATE billing_accounts a SET terminated_at = ?, suspended_at = NULL, version = a.version + 1
                     WHERE a.suspended_at IS NOT NULL AND a.suspended_at <= ? AND a.balance_minor <= 0
                 RETURNING a.id, a.owner_id, a.balance_minor, a.currency
                ), ended AS (
                    UPDATE billing_metered_resources m SET status = 'ended', ended_at = ?, version = m.version + 1
                      FROM victims v
                     WHERE m.account_id = v.id AND m.status <> 'ended'
                ), queued AS (
                    INSERT INTO billing_control_requests (owner_id, action, reason, balance_minor, currency, created_at)
                    SELECT owner_id, 'terminate', 'grace period over', balance_minor, currency, ? FROM victims
                )
                SELECT owner_id FROM victims""", rs -> Sql.uuid(rs, "owner_id"), now, suspendedBefore, now, now);
    }

    @Override
    public List<UUID> flagLowBalance(int hours, Instant now) {
        return sql.list("""
                WITH burn AS (
                    SELECT account_id, SUM(hourly_minor) AS per_hour FROM billing_metered_resources
                     WHERE status = 'active' GROUP BY account_id
                ), cleared AS (
                    UPDATE billing_accounts a SET low_balance_notified_at = NULL
                      FROM burn b
                     WHERE a.id = b.account_id AND a.low_balance_notified_at IS NOT NULL
                       AND a.balance_minor >= b.per_hour * ?
                ), flagged AS (
                    UPDATE billing_accounts a SET low_balance_notified_at = ?
                      FROM burn b
                     WHERE a.id = b.account_id AND a.low_balance_notified_at IS NULL AND a.suspended_at IS NULL
                       AND a.balance_minor > 0 AND a.balance_minor < b.per_hour * ?
                 RETURNING a.owner_id, a.balance_minor, a.currency
                ), queued AS (
                    INSERT INTO billing_control_requests (owner_id, action, reason, balance_minor, currency, created_at)
                    SELECT owner_id, 'low_balance', 'balance lasts fewer than ' || ? || ' hours', balance_minor, currency, ?
                      FROM flagged
                )
                SELECT owner_id FROM flagged""", rs -> Sql.uuid(rs, "owner_id"), hours, now, hours, hours, now);
    }

    @Override
    public int unsuspend(UUID ownerId, Instant now) {
        int resumed = sql.update("""
                UPDATE billing_metered_resources
                   SET status = 'active', suspend_reason = NULL, suspended_at = NULL,
                       paid_through = GREATEST(paid_through, ?), version = version + 1
                 WHERE owner_id = ? AND status = 'suspended' AND suspend_reason = 'billing'""", now, ownerId);
        enqueue(ownerId, "unsuspend", "balance positive again", now);
        return resumed;
    }

    @Override
    public void enqueue(UUID ownerId, String action, String reason, Instant now) {
        sql.update("INSERT INTO billing_control_requests (owner_id, action, reason, created_at) VALUES (?, ?, ?, ?)",
                ownerId, action, Sql.text(reason), now);
    }

    @Override
    public List<ControlRequest> claim(int limit, Instant now) {
        List<ControlRequest> claimed = sql.list("""
                UPDATE billing_control_requests r
                   SET leased_until = ? + interval '5 minutes', attempts = r.attempts + 1
                 WHERE r.id IN (SELECT id FROM billing_control_requests
                                 WHERE delivered_at IS NULL AND (leased_until IS NULL OR leased_until < ?)
                                 ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED)
             RETURNING r.id, r.owner_id, r.action, r.reason, r.balance_minor, r.currency, r.attempts""",
                rs -> {
                    long minor = rs.getLong("balance_minor");
                    String currency = rs.getString("currency");
                    String balance = rs.wasNull() || currency == null ? null
                            : java.math.BigDecimal.valueOf(minor, java.util.Currency.getInstance(currency).getDefaultFractionDigits()).toPlainString();
                    return new ControlRequest(rs.getLong("id"), Sql.uuid(rs, "owner_id"), rs.getString("action"),
                            rs.getString("reason"), balance, currency, rs.getInt("attempts"));
                }, now, now, limit);
        // Requests of one owner must be delivered in the order they were decided (suspend before unsuspend).
        return claimed.stream().sorted(Comparator.comparingLong(ControlRequest::id)).toList();
    }

    @Override
    public void delivered(long id, Instant at) {
        sql.update("UPDATE billing_control_requests SET delivered_at = ?, last_error = NULL WHERE id = ?", at, id);
    }

    @Override
    public void failed(long id, String error, Instant at) {
        sql.update("UPDATE billing_control_requests SET leased_until = ? + interval '1 minute', last_error = ? WHERE id = ?",
                at, Sql.text(error), id);
    }
}
