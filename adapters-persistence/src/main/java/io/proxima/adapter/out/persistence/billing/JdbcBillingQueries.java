package io.proxima.adapter.out.persistence.billing;

import io.proxima.application.billing.port.in.BillingViews.AccountMismatch;
import io.proxima.application.billing.port.in.BillingViews.InvoiceDetail;
import io.proxima.application.billing.port.in.BillingViews.InvoiceLine;
import io.proxima.application.billing.port.in.BillingViews.InvoiceSummary;
import io.proxima.application.billing.port.in.BillingViews.LedgerCheck;
import io.proxima.application.billing.port.in.BillingViews.RechargeView;
import io.proxima.application.billing.port.in.BillingViews.SystemBalance;
import io.proxima.application.billing.port.in.BillingViews.TransactionFilter;
import io.proxima.application.billing.port.in.BillingViews.TransactionView;
import io.proxima.application.billing.port.out.BillingQueries;
import io.proxima.application.shared.Page;
import io.proxima.application.shared.PageRequest;
import io.proxima.domain.billing.Money;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Read models projected straight from the billing tables (no aggregates are loaded). */
@ApplicationScoped
public class JdbcBillingQueries implements BillingQueries {

    private final Sql sql;

    @Inject
    public JdbcBillingQueries(Sql sql) {
        this.sql = sql;
    }

    @Override
    public Page<TransactionView> transactions(TransactionFilter f, PageRequest page) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        List<Object> params = new ArrayList<>();
        if (f.ownerId() != null) {
            where.append(" AND a.owner_id = ?");
            params.add(f.ownerId());
        }
        if (f.type() != null) {
            where.append(" AND j.type = ?");
            params.add(f.type());
        }
        if (f.from() != null) {
            where.append(" AND j.created_at >= ?");
            params.add(f.from());
        }
        if (f.to() != null) {
            where.append(" AND j.created_at < ?");
            params.add(f.to());
        }
        if (f.vmId() != null) {
            where.append(" AND j.vm_id = ?");
            params.add(f.vmId());
        }
        String from = " FROM billing_journal j JOIN billing_accounts a ON a.id = j.account_id";
        long total = sql.one("SELECT count(*)" + from + where, rs -> rs.getLong(1), params.toArray()).orElse(0L);
        List<Object> pageParams = new ArrayList<>(params);
        pageParams.add(page.perPage());
        pageParams.add(page.offset());
        // balance_after is stored with each entry, so filtering never breaks the running balance.
        List<TransactionView> items = sql.list("""
                SELECT j.id, a.owner_id, j.type, j.amount_minor, j.currency, j.balance_after_minor, j.description, j.vm_id,
                       j.order_id, j.refund_id, j.reason, j.actor_id, j.period_start, j.created_at""" + from + where
                + " ORDER BY j.seq DESC LIMIT ? OFFSET ?", JdbcBillingQueries::transaction, pageParams.toArray());
        return new Page<>(items, page, total);
    }

    @Override
    public Optional<TransactionView> transaction(UUID ownerId, UUID id) {
        return sql.one("""
                SELECT j.id, a.owner_id, j.type, j.amount_minor, j.currency, j.balance_after_minor, j.description, j.vm_id,
                       j.order_id, j.refund_id, j.reason, j.actor_id, j.period_start, j.created_at
                  FROM billing_journal j JOIN billing_accounts a ON a.id = j.account_id
                 WHERE j.id = ? AND a.owner_id = ?""", JdbcBillingQueries::transaction, id, ownerId);
    }

    static TransactionView transaction(ResultSet rs) throws SQLException {
        Currency c = Currency.getInstance(rs.getString("currency"));
        return new TransactionView(Sql.uuid(rs, "id"), Sql.uuid(rs, "owner_id"), rs.getString("type"),
                Money.of(rs.getLong("amount_minor"), c), Money.of(rs.getLong("balance_after_minor"), c),
                rs.getString("description"), Sql.uuid(rs, "vm_id"), Sql.uuid(rs, "order_id"), Sql.uuid(rs, "refund_id"),
                rs.getString("reason"), Sql.uuid(rs, "actor_id"), Sql.instant(rs, "period_start"),
                Sql.instant(rs, "created_at"));
    }

    @Override
    public long burnRatePerHour(UUID ownerId) {
        return sql.one("SELECT COALESCE(SUM(hourly_minor), 0) FROM billing_metered_resources WHERE owner_id = ? AND status = 'active'",
                rs -> rs.getLong(1), ownerId).orElse(0L);
    }

    private static final String INVOICE_COLUMNS = """
            id, owner_id, currency, period_start, period_end, opening_minor, recharges_minor, charges_minor,
            refunds_minor, adjustments_minor, closing_minor, created_at""";

    @Override
    public Page<InvoiceSummary> invoices(UUID ownerId, PageRequest page) {
        long total = sql.one("SELECT count(*) FROM billing_invoices WHERE owner_id = ?", rs -> rs.getLong(1), ownerId).orElse(0L);
        List<InvoiceSummary> items = sql.list("SELECT " + INVOICE_COLUMNS
                + " FROM billing_invoices WHERE owner_id = ? ORDER BY period_start DESC LIMIT ? OFFSET ?",
                JdbcBillingQueries::invoice, ownerId, page.perPage(), page.offset());
        return new Page<>(items, page, total);
    }

    static InvoiceSummary invoice(ResultSet rs) throws SQLException {
        Currency c = Currency.getInstance(rs.getString("currency"));
        return new InvoiceSummary(Sql.uuid(rs, "id"), Sql.uuid(rs, "owner_id"), Sql.instant(rs, "period_start"),
                Sql.instant(rs, "period_end"), Money.of(rs.getLong("opening_minor"), c),
                Money.of(rs.getLong("recharges_minor"), c), Money.of(rs.getLong("charges_minor"), c),
                Money.of(rs.getLong("refunds_minor"), c), Money.of(rs.getLong("adjustments_minor"), c),
                Money.of(rs.getLong("closing_minor"), c), Sql.instant(rs, "created_at"));
    }

    @Override
    public Optional<InvoiceDetail> invoice(UUID id) {
        return sql.one("SELECT " + INVOICE_COLUMNS + " FROM billing_invoices WHERE id = ?", JdbcBillingQueries::invoice, id)
                .map(summary -> {
                    Currency c = summary.closingBalance().currency();
                    // The hostname is read at display time (a statement names the VM as the customer knows
                    // it); the hours come from the charges themselves (unique per VM and hour, indexed).
                    List<InvoiceLine> lines = sql.list("""
                            SELECT l.vm_id, l.hours, l.amount_minor, v.hostname,
                                   (SELECT min(j.period_start) FROM billing_journal j WHERE j.vm_id = l.vm_id AND j.type = 'charge'
                                       AND j.period_start >= i.period_start AND j.period_start < i.period_end) AS first_hour,
                                   (SELECT max(j.period_start) FROM billing_journal j WHERE j.vm_id = l.vm_id AND j.type = 'charge'
                                       AND j.period_start >= i.period_start AND j.period_start < i.period_end) AS last_hour
                              FROM billing_invoice_lines l
                              JOIN billing_invoices i ON i.id = l.invoice_id
                              LEFT JOIN vms v ON v.id = l.vm_id
                             WHERE l.invoice_id = ? ORDER BY v.hostname NULLS LAST, l.vm_id""",
                            rs -> {
                                String hostname = rs.getString("hostname");
                                java.time.Instant last = Sql.instant(rs, "last_hour");
                                return new InvoiceLine(Sql.uuid(rs, "vm_id"),
                                        hostname != null ? hostname : "VM " + Sql.uuid(rs, "vm_id"), rs.getLong("hours"),
                                        Money.of(rs.getLong("amount_minor"), c), hostname, Sql.instant(rs, "first_hour"),
                                        last == null ? null : last.plusSeconds(3600));
                            }, id);
                    return new InvoiceDetail(summary, lines);
                });
    }

    @Override
    public Page<RechargeView> orders(UUID ownerId, PageRequest page) {
        long total = sql.one("SELECT count(*) FROM billing_recharge_orders WHERE owner_id = ?", rs -> rs.getLong(1), ownerId).orElse(0L);
        List<RechargeView> items = sql.list("SELECT " + JdbcRechargeOrderRepository.COLUMNS
                + " FROM billing_recharge_orders WHERE owner_id = ? ORDER BY created_at DESC LIMIT ? OFFSET ?",
                rs -> RechargeView.from(JdbcRechargeOrderRepository.map(rs)), ownerId, page.perPage(), page.offset());
        return new Page<>(items, page, total);
    }

    @Override
    public LedgerCheck checkLedger() {
        record Row(UUID id, UUID owner, String code, Currency currency, long cached, long derived, long entries) {
        }
        List<Row> rows = sql.list("""
                WITH legs AS (
                    SELECT account_id AS acc, amount_minor AS amt FROM billing_journal
                    UNION ALL
                    SELECT counter_account_id, -amount_minor FROM billing_journal
                ), sums AS (
                    SELECT acc, SUM(amt) AS total, COUNT(*) AS n FROM legs GROUP BY acc
                )
                SELECT a.id, a.owner_id, a.system_code, a.currency, a.balance_minor,
                       COALESCE(s.total, 0) AS derived, COALESCE(s.n, 0) AS n
                  FROM billing_accounts a LEFT JOIN sums s ON s.acc = a.id""",
                rs -> new Row(Sql.uuid(rs, "id"), Sql.uuid(rs, "owner_id"), rs.getString("system_code"),
                        Currency.getInstance(rs.getString("currency")), rs.getLong("balance_minor"), rs.getLong("derived"),
                        rs.getLong("n")));
        List<AccountMismatch> mismatches = new ArrayList<>();
        List<SystemBalance> systems = new ArrayList<>();
        long sumOfLegs = 0;
        long legs = 0;
        long customers = 0;
        for (Row r : rows) {
            sumOfLegs += r.derived();
            legs += r.entries();
            if (r.owner() == null) {
                systems.add(new SystemBalance(r.code() + ":" + r.currency().getCurrencyCode(), Money.of(r.derived(), r.currency())));
                continue;
            }
            customers++;
            if (r.cached() != r.derived() && mismatches.size() < 100) {
                mismatches.add(new AccountMismatch(r.id(), r.owner(), Money.of(r.cached(), r.currency()),
                        Money.of(r.derived(), r.currency())));
            }
        }
        return new LedgerCheck(mismatches.isEmpty() && sumOfLegs == 0, customers, legs / 2, mismatches, sumOfLegs, systems);
    }
}
