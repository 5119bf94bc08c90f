package io.proxima.application.billing.port.in;

import io.proxima.domain.billing.Money;
import io.proxima.domain.billing.RechargeOrder;
import io.proxima.domain.billing.Refund;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The read records billing hands to inbound adapters. */
public final class BillingViews {

    private BillingViews() {
    }

    public record BalanceView(UUID ownerId, Money balance, Money burnRatePerHour, Long hoursLeft, Instant suspendedAt) {
    }

    public record RechargeView(UUID id, UUID ownerId, String status, Money amount, String gateway, String paymentUrl,
                               Instant createdAt, Instant expiresAt, Instant paidAt, Money refunded) {

        public static RechargeView from(RechargeOrder o) {
            return new RechargeView(o.id(), o.ownerId(), o.status().wire(), o.amount(), o.gateway(), o.paymentUrl(),
                    o.createdAt(), o.expiresAt(), o.paidAt(), o.refunded());
        }
    }

    /** The outcome of an idempotent creation: {@code replayed} when an earlier request with the same key produced it. */
    public record Created<T>(T value, boolean replayed) {
    }

    public record TransactionView(UUID id, UUID ownerId, String type, Money amount, Money balanceAfter,
                                  String description, UUID vmId, UUID orderId, UUID refundId, String reason,
                                  UUID actorId, Instant periodStart, Instant createdAt) {
    }

    /** Filters of the ledger listing; null fields do not filter. */
    public record TransactionFilter(UUID ownerId, String type, Instant from, Instant to, UUID vmId) {
    }

    public record InvoiceSummary(UUID id, UUID ownerId, Instant periodStart, Instant periodEnd, Money openingBalance,
                                 Money recharges, Money charges, Money refunds, Money adjustments,
                                 Money closingBalance, Instant createdAt) {
    }

    /**
     * One VM's charges in a statement: {@code hostname} as the VM is called now (null once the VM
     * row is gone), and the first and the end of the last charged hour of the statement's period.
     */
    public record InvoiceLine(UUID vmId, String description, long hours, Money amount, String hostname,
                              java.time.Instant periodStart, java.time.Instant periodEnd) {
    }

    public record InvoiceDetail(InvoiceSummary summary, List<InvoiceLine> lines) {
    }

    public record AccountMismatch(UUID accountId, UUID ownerId, Money cached, Money fromEntries) {
    }

    public record SystemBalance(String code, Money balance) {
    }

    /** The proof that every cached balance equals the sum of its entries, and that all legs sum to zero. */
    public record LedgerCheck(boolean consistent, long accountsChecked, long entries, List<AccountMismatch> mismatches,
                              long sumOfAllLegs, List<SystemBalance> systemAccounts) {
    }

    public record RefundView(UUID id, UUID ownerId, UUID orderId, UUID vmId, Money amount, String destination,
                             String status, String reason, UUID actorId, String gatewayRef, Instant createdAt) {

        public static RefundView from(Refund r) {
            return new RefundView(r.id(), r.ownerId(), r.orderId(), r.vmId(), r.amount(), r.destination().wire(),
                    r.status().wire(), r.reason(), r.actorId(), r.gatewayRef(), r.createdAt());
        }
    }

    public record RunSummary(boolean ran, int hoursCharged, int batches) {
    }

    public record EnforcementSummary(int suspended, int terminated, int lowBalance, int delivered) {
    }
}
