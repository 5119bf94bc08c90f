package io.proxima.adapter.out.persistence.billing;

import io.proxima.application.billing.port.out.InvoiceRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;

/**
 * Statements by booking time ({@code created_at}): the closing balance of one month is the
 * opening balance of the next, whatever the entries' effective times.
 */
@ApplicationScoped
public class JdbcInvoiceRepository implements InvoiceRepository {

    private final Sql sql;

    @Inject
    public JdbcInvoiceRepository(Sql sql) {
        this.sql = sql;
    }

    @Override
    public int generate(Instant from, Instant to, Instant now) {
        return sql.one("""
                WITH per_account AS (
                    SELECT a.id AS account_id, a.owner_id, a.currency,
                           COALESCE(SUM(j.amount_minor) FILTER (WHERE j.created_at < ?), 0) AS opening,
                           COALESCE(SUM(j.amount_minor) FILTER (WHERE j.created_at >= ? AND j.type = 'recharge'), 0) AS recharges,
                           COALESCE(SUM(j.amount_minor) FILTER (WHERE j.created_at >= ? AND j.type = 'charge'), 0) AS charges,
                           COALESCE(SUM(j.amount_minor) FILTER (WHERE j.created_at >= ? AND j.type IN ('refund', 'reversal')), 0) AS refunds,
                           COALESCE(SUM(j.amount_minor) FILTER (WHERE j.created_at >= ? AND j.type = 'adjustment'), 0) AS adjustments,
                           COUNT(*) FILTER (WHERE j.created_at >= ?) AS movements
                      FROM billing_accounts a
                      JOIN billing_journal j ON j.account_id = a.id AND j.created_at < ?
                     WHERE a.owner_id IS NOT NULL
                     GROUP BY a.id
                ), inserted AS (
                    INSERT INTO billing_invoices (id, account_id, owner_id, currency, period_start, period_end, opening_minor,
                                                  recharges_minor, charges_minor, refunds_minor, adjustments_minor,
                                                  closing_minor, created_at)
                    SELECT gen_random_uuid(), account_id, owner_id, currency, ?, ?, opening, recharges, charges, refunds,
                           adjustments, opening + recharges + charges + refunds + adjustments, ?
                      FROM per_account
                     WHERE movements > 0 OR opening <> 0
                    ON CONFLICT (account_id, period_start) DO NOTHING
                 RETURNING id, account_id
                ), lines AS (
                    INSERT INTO billing_invoice_lines (invoice_id, vm_id, hours, amount_minor)
                    SELECT i.id, j.vm_id, COUNT(j.period_start), -SUM(j.amount_minor)
                      FROM inserted i
                      JOIN billing_journal j ON j.account_id = i.account_id
                     WHERE j.type = 'charge' AND j.vm_id IS NOT NULL AND j.created_at >= ? AND j.created_at < ?
                     GROUP BY i.id, j.vm_id
                )
                SELECT count(*) FROM inserted""", rs -> rs.getInt(1),
                from, from, from, from, from, from, to, from, to, now, from, to).orElse(0);
    }
}
