package io.proxima.adapter.out.persistence.billing;

import io.proxima.application.billing.port.out.RechargeOrderRepository;
import io.proxima.domain.billing.Money;
import io.proxima.domain.billing.RechargeOrder;
import io.proxima.domain.billing.RechargeStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class JdbcRechargeOrderRepository implements RechargeOrderRepository {

    static final String COLUMNS = """
            id, owner_id, amount_minor, currency, gateway, status, external_id, payment_ref, payment_url,
            refunded_minor, failure_reason, created_at, expires_at, paid_at""";

    private final Sql sql;

    @Inject
    public JdbcRechargeOrderRepository(Sql sql) {
        this.sql = sql;
    }

    @Override
    public void insert(RechargeOrder o) {
        sql.update("INSERT INTO billing_recharge_orders (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                o.id(), o.ownerId(), o.amount().minor(), o.amount().currencyCode(), o.gateway(), o.status().wire(),
                Sql.text(o.externalId()), Sql.text(o.paymentRef()), Sql.text(o.paymentUrl()), o.refunded().minor(),
                Sql.text(o.failureReason()), o.createdAt(), o.expiresAt(), Sql.time(o.paidAt()));
    }

    @Override
    public void update(RechargeOrder o) {
        sql.update("""
                UPDATE billing_recharge_orders SET status = ?, external_id = ?, payment_ref = ?, payment_url = ?,
                       refunded_minor = ?, failure_reason = ?, paid_at = ?, updated_at = now()
                 WHERE id = ?""",
                o.status().wire(), Sql.text(o.externalId()), Sql.text(o.paymentRef()), Sql.text(o.paymentUrl()),
                o.refunded().minor(), Sql.text(o.failureReason()), Sql.time(o.paidAt()), o.id());
    }

    @Override
    public Optional<RechargeOrder> find(UUID id) {
        return sql.one("SELECT " + COLUMNS + " FROM billing_recharge_orders WHERE id = ?", JdbcRechargeOrderRepository::map, id);
    }

    @Override
    public Optional<RechargeOrder> lock(UUID id) {
        return sql.one("SELECT " + COLUMNS + " FROM billing_recharge_orders WHERE id = ? FOR UPDATE", JdbcRechargeOrderRepository::map, id);
    }

    @Override
    public Optional<RechargeOrder> lockByExternalId(String gateway, String externalId) {
        return sql.one("SELECT " + COLUMNS + " FROM billing_recharge_orders WHERE gateway = ? AND external_id = ? FOR UPDATE",
                JdbcRechargeOrderRepository::map, gateway, externalId);
    }

    @Override
    public List<UUID> pendingExpired(Instant now, int limit) {
        return sql.list("SELECT id FROM billing_recharge_orders WHERE status = 'pending' AND expires_at <= ? ORDER BY created_at LIMIT ?",
                rs -> Sql.uuid(rs, "id"), now, limit);
    }

    @Override
    public List<UUID> pendingCreatedBefore(Instant cutoff, int limit) {
        return sql.list("""
                SELECT id FROM billing_recharge_orders
                 WHERE status = 'pending' AND created_at <= ? AND external_id IS NOT NULL AND gateway <> 'manual'
                 ORDER BY created_at LIMIT ?""", rs -> Sql.uuid(rs, "id"), cutoff, limit);
    }

    static RechargeOrder map(ResultSet rs) throws SQLException {
        Currency c = Currency.getInstance(rs.getString("currency"));
        return RechargeOrder.reconstitute(Sql.uuid(rs, "id"), Sql.uuid(rs, "owner_id"), Money.of(rs.getLong("amount_minor"), c),
                rs.getString("gateway"), RechargeStatus.fromWire(rs.getString("status")), rs.getString("external_id"),
                rs.getString("payment_ref"), rs.getString("payment_url"), Sql.instant(rs, "created_at"),
                Sql.instant(rs, "expires_at"), Sql.instant(rs, "paid_at"), Money.of(rs.getLong("refunded_minor"), c),
                rs.getString("failure_reason"));
    }
}
