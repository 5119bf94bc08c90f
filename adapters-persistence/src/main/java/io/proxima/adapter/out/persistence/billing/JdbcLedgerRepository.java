package io.proxima.adapter.out.persistence.billing;

import io.proxima.application.billing.port.out.LedgerRepository;
import io.proxima.domain.billing.CustomerAccount;
import io.proxima.domain.billing.LedgerEntry;
import io.proxima.domain.billing.Money;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class JdbcLedgerRepository implements LedgerRepository {

    private static final String ACCOUNT_COLUMNS = "id, owner_id, currency, balance_minor, suspended_at, terminated_at, version";

    private final Sql sql;

    @Inject
    public JdbcLedgerRepository(Sql sql) {
        this.sql = sql;
    }

    @Override
    public Optional<CustomerAccount> findAccount(UUID ownerId) {
        return sql.one("SELECT " + ACCOUNT_COLUMNS + " FROM billing_accounts WHERE owner_id = ?", JdbcLedgerRepository::account, ownerId);
    }

    @Override
    public CustomerAccount lockAccount(UUID ownerId, Currency currencyIfNew) {
        // Upsert first so that two first-time postings of one customer cannot both create an account.
        sql.update("INSERT INTO billing_accounts (id, owner_id, currency) VALUES (?, ?, ?) ON CONFLICT (owner_id) DO NOTHING",
                UUID.randomUUID(), ownerId, currencyIfNew.getCurrencyCode());
        return sql.one("SELECT " + ACCOUNT_COLUMNS + " FROM billing_accounts WHERE owner_id = ? FOR UPDATE",
                JdbcLedgerRepository::account, ownerId).orElseThrow();
    }

    @Override
    public UUID systemAccount(String code, Currency currency) {
        sql.update("INSERT INTO billing_accounts (id, system_code, currency) VALUES (?, ?, ?) "
                + "ON CONFLICT (system_code, currency) DO NOTHING", UUID.randomUUID(), code, currency.getCurrencyCode());
        return sql.one("SELECT id FROM billing_accounts WHERE system_code = ? AND currency = ?",
                rs -> Sql.uuid(rs, "id"), code, currency.getCurrencyCode()).orElseThrow();
    }

    @Override
    public void save(CustomerAccount account, List<LedgerEntry> entries, Instant bookedAt) {
        sql.update("UPDATE billing_accounts SET balance_minor = ?, suspended_at = ?, terminated_at = ?, version = version + 1 WHERE id = ?",
                account.balance().minor(), Sql.time(account.suspendedAt()), Sql.time(account.terminatedAt()), account.id());
        List<Object[]> rows = new ArrayList<>();
        for (LedgerEntry e : entries) {
            rows.add(new Object[] {e.id(), e.type().wire(), e.accountId(), e.counterAccountId(), e.amount().minor(),
                    e.amount().currencyCode(), e.balanceAfter().minor(), Sql.uuid(e.vmId()), Sql.time(e.periodStart()),
                    Sql.uuid(e.orderId()), Sql.uuid(e.refundId()), Sql.uuid(e.reverses()), Sql.uuid(e.actorId()),
                    Sql.text(e.reason()), Sql.text(e.description()), e.effectiveAt(), bookedAt});
        }
        sql.batch("""
                INSERT INTO billing_journal (id, type, account_id, counter_account_id, amount_minor, currency,
                    balance_after_minor, vm_id, period_start, order_id, refund_id, reverses, actor_id, reason,
                    description, effective_at, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows);
    }

    static CustomerAccount account(ResultSet rs) throws SQLException {
        Currency c = Currency.getInstance(rs.getString("currency"));
        return CustomerAccount.reconstitute(Sql.uuid(rs, "id"), Sql.uuid(rs, "owner_id"), c,
                Money.of(rs.getLong("balance_minor"), c), Sql.instant(rs, "suspended_at"),
                Sql.instant(rs, "terminated_at"), rs.getLong("version"));
    }

}
