package io.proxima.adapter.out.persistence.billing;

import io.proxima.application.billing.port.out.RefundRepository;
import io.proxima.domain.billing.Money;
import io.proxima.domain.billing.Refund;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Currency;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class JdbcRefundRepository implements RefundRepository {

    private final Sql sql;

    @Inject
    public JdbcRefundRepository(Sql sql) {
        this.sql = sql;
    }

    @Override
    public void insert(Refund r) {
        sql.update("""
                INSERT INTO billing_refunds (id, owner_id, order_id, vm_id, amount_minor, currency, destination, status,
                                             reason, actor_id, gateway_ref, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                r.id(), r.ownerId(), Sql.uuid(r.orderId()), Sql.uuid(r.vmId()), r.amount().minor(), r.amount().currencyCode(),
                r.destination().wire(), r.status().wire(), r.reason(), Sql.uuid(r.actorId()), Sql.text(r.gatewayRef()),
                r.createdAt());
    }

    @Override
    public void update(Refund r) {
        sql.update("UPDATE billing_refunds SET status = ?, gateway_ref = ?, updated_at = now() WHERE id = ?",
                r.status().wire(), Sql.text(r.gatewayRef()), r.id());
    }

    @Override
    public Optional<Refund> find(UUID id) {
        return sql.one("""
                SELECT id, owner_id, order_id, vm_id, amount_minor, currency, destination, status, reason, actor_id,
                       gateway_ref, created_at FROM billing_refunds WHERE id = ?""", rs -> {
            Currency c = Currency.getInstance(rs.getString("currency"));
            return new Refund(Sql.uuid(rs, "id"), Sql.uuid(rs, "owner_id"), Sql.uuid(rs, "order_id"), Sql.uuid(rs, "vm_id"),
                    Money.of(rs.getLong("amount_minor"), c),
                    Refund.Destination.valueOf(rs.getString("destination").toUpperCase(java.util.Locale.ROOT)),
                    Refund.Status.valueOf(rs.getString("status").toUpperCase(java.util.Locale.ROOT)), rs.getString("reason"),
                    Sql.uuid(rs, "actor_id"), rs.getString("gateway_ref"), Sql.instant(rs, "created_at"));
        }, id);
    }

    @Override
    public Money refundableCharges(UUID ownerId, UUID vmId, Currency currency) {
        String vmFilter = vmId == null ? "" : " AND j.vm_id = ?";
        Object[] params = vmId == null ? new Object[] {ownerId, ownerId} : new Object[] {ownerId, vmId, ownerId, vmId};
        long minor = sql.one("""
                SELECT COALESCE((SELECT -SUM(j.amount_minor) FROM billing_journal j
                                   JOIN billing_accounts a ON a.id = j.account_id
                                  WHERE a.owner_id = ? AND j.type = 'charge'""" + vmFilter + "), 0)"
                + " - COALESCE((SELECT SUM(r.amount_minor) FROM billing_refunds r WHERE r.owner_id = ? AND r.destination = 'balance'"
                + " AND r.status <> 'failed'" + (vmId == null ? "" : " AND r.vm_id = ?") + "), 0)",
                rs -> rs.getLong(1), params).orElse(0L);
        return Money.of(Math.max(0, minor), currency);
    }
}
