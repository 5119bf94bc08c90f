package io.proxima.adapter.out.persistence.billing;

import io.proxima.application.billing.port.out.MeteringRepository;
import io.proxima.domain.billing.HourlyPricing;
import io.proxima.domain.billing.MeteredResource;
import io.proxima.domain.billing.MeteringStatus;
import io.proxima.domain.billing.Money;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Currency;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class JdbcMeteringRepository implements MeteringRepository {

    /**
     * One hour of every due resource, in one statement: lock the due rows (skipping rows another
     * transaction holds), price each hour under the month's cap exactly as {@code MeteredResource}
     * does, advance the rows, debit each account once by its total, and post one ledger pair per
     * hour with the balance after it. The unique (vm_id, period_start) index is the last guard:
     * a duplicate hour aborts the whole batch rather than charging twice.
     */
    static final String CHARGE_NEXT_DUE_HOUR = """
            WITH due AS (
                SELECT m.id, m.vm_id, m.account_id, m.currency, m.paid_through AS period_start, m.hourly_minor,
                       m.monthly_minor, m.month_start, m.month_charged_minor, m.month_cap_minor,
                       date_trunc('month', m.paid_through, 'UTC') AS period_month
                  FROM billing_metered_resources m
                 WHERE m.status = 'active' AND m.paid_through <= ?
                   FOR UPDATE SKIP LOCKED
            ), priced AS (
                SELECT d.*,
                       CASE WHEN d.period_month = d.month_start THEN d.month_charged_minor ELSE 0 END AS charged,
                       CASE WHEN d.period_month = d.month_start THEN d.month_cap_minor ELSE d.monthly_minor END AS cap
                  FROM due d
            ), amounts AS (
                SELECT p.*, LEAST(p.hourly_minor, GREATEST(p.cap - p.charged, 0)) AS amount FROM priced p
            ), moved AS (
                UPDATE billing_metered_resources m
                   SET paid_through = a.period_start + interval '1 hour', month_start = a.period_month,
                       month_charged_minor = a.charged + a.amount, month_cap_minor = a.cap,
                       last_charge_minor = a.amount, version = m.version + 1
                  FROM amounts a
                 WHERE m.id = a.id
            ), per_account AS (
                SELECT account_id, SUM(amount) AS total FROM amounts GROUP BY account_id
            ), debited AS (
                UPDATE billing_accounts acc
                   SET balance_minor = acc.balance_minor - t.total, version = acc.version + 1
                  FROM per_account t
                 WHERE acc.id = t.account_id
             RETURNING acc.id, acc.balance_minor + t.total AS balance_before
            ), posted AS (
                INSERT INTO billing_journal (id, type, account_id, counter_account_id, amount_minor, currency,
                                             balance_after_minor, vm_id, period_start, description, effective_at, created_at)
                SELECT gen_random_uuid(), 'charge', a.account_id, r.id, -a.amount, a.currency,
                       d.balance_before - SUM(a.amount) OVER (PARTITION BY a.account_id ORDER BY a.vm_id),
                       a.vm_id, a.period_start, 'VM hourly charge', a.period_start, ?
                  FROM amounts a
                  JOIN debited d ON d.id = a.account_id
                  JOIN billing_accounts r ON r.system_code = 'revenue' AND r.currency = a.currency
             RETURNING 1
            )
            SELECT count(*) FROM posted""";

    private static final String COLUMNS = """
            id, vm_id, owner_id, account_id, plan_id, currency, hourly_minor, monthly_minor, status, suspend_reason,
            paid_through, month_start, month_charged_minor, month_cap_minor, last_charge_minor, started_at,
            suspended_at, ended_at, version""";

    private final Sql sql;

    @Inject
    public JdbcMeteringRepository(Sql sql) {
        this.sql = sql;
    }

    @Override
    public Optional<MeteredResource> lockByVm(UUID vmId) {
        return sql.one("SELECT " + COLUMNS + " FROM billing_metered_resources WHERE vm_id = ? FOR UPDATE",
                JdbcMeteringRepository::map, vmId);
    }

    @Override
    public void insert(MeteredResource r) {
        // The set-based run joins the revenue account of the currency: make sure it exists.
        sql.update("INSERT INTO billing_accounts (id, system_code, currency) VALUES (?, 'revenue', ?) "
                + "ON CONFLICT (system_code, currency) DO NOTHING", UUID.randomUUID(), r.pricing().currency().getCurrencyCode());
        sql.update("INSERT INTO billing_metered_resources (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)",
                r.id(), r.vmId(), r.ownerId(), r.accountId(), Sql.uuid(r.planId()), r.pricing().currency().getCurrencyCode(),
                r.pricing().hourly().minor(), r.pricing().monthlyCap().minor(), r.status().wire(), Sql.text(r.suspendReason()),
                r.paidThrough(), r.monthStart(), r.monthCharged().minor(), r.monthCap().minor(), r.lastCharge().minor(),
                r.startedAt(), Sql.time(r.suspendedAt()), Sql.time(r.endedAt()));
    }

    @Override
    public void update(MeteredResource r) {
        sql.update("""
                UPDATE billing_metered_resources SET plan_id = ?, hourly_minor = ?, monthly_minor = ?, status = ?,
                    suspend_reason = ?, paid_through = ?, month_start = ?, month_charged_minor = ?, month_cap_minor = ?,
                    last_charge_minor = ?, suspended_at = ?, ended_at = ?, version = version + 1
                 WHERE id = ?""",
                Sql.uuid(r.planId()), r.pricing().hourly().minor(), r.pricing().monthlyCap().minor(), r.status().wire(),
                Sql.text(r.suspendReason()), r.paidThrough(), r.monthStart(), r.monthCharged().minor(), r.monthCap().minor(),
                r.lastCharge().minor(), Sql.time(r.suspendedAt()), Sql.time(r.endedAt()), r.id());
    }

    @Override
    public int chargeNextDueHour(Instant now) {
        // The running balances sort every due hour by account; keep that sort in memory (this transaction only).
        sql.one("SELECT set_config('work_mem', '64MB', true)", rs -> rs.getString(1));
        return sql.one(CHARGE_NEXT_DUE_HOUR, rs -> rs.getInt(1), now, now).orElse(0);
    }

    static MeteredResource map(ResultSet rs) throws SQLException {
        Currency c = Currency.getInstance(rs.getString("currency"));
        return MeteredResource.reconstitute(Sql.uuid(rs, "id"), Sql.uuid(rs, "vm_id"), Sql.uuid(rs, "owner_id"),
                Sql.uuid(rs, "account_id"), Sql.uuid(rs, "plan_id"),
                new HourlyPricing(Money.of(rs.getLong("hourly_minor"), c), Money.of(rs.getLong("monthly_minor"), c)),
                MeteringStatus.fromWire(rs.getString("status")), rs.getString("suspend_reason"),
                Sql.instant(rs, "paid_through"), Sql.instant(rs, "month_start"),
                Money.of(rs.getLong("month_charged_minor"), c), Money.of(rs.getLong("month_cap_minor"), c),
                Money.of(rs.getLong("last_charge_minor"), c), Sql.instant(rs, "started_at"),
                Sql.instant(rs, "suspended_at"), Sql.instant(rs, "ended_at"), rs.getLong("version"));
    }
}
