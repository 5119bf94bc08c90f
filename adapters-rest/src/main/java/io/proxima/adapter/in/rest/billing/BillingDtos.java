package io.proxima.adapter.in.rest.billing;

import io.proxima.application.billing.port.in.BillingViews.BalanceView;
import io.proxima.application.billing.port.in.BillingViews.InvoiceDetail;
import io.proxima.application.billing.port.in.BillingViews.InvoiceLine;
import io.proxima.application.billing.port.in.BillingViews.InvoiceSummary;
import io.proxima.application.billing.port.in.BillingViews.LedgerCheck;
import io.proxima.application.billing.port.in.BillingViews.RechargeView;
import io.proxima.application.billing.port.in.BillingViews.RefundView;
import io.proxima.application.billing.port.in.BillingViews.TransactionView;
import io.proxima.domain.billing.Money;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Billing's JSON shapes (SPEC section 4): money as a decimal string beside its currency. */
public final class BillingDtos {

    private BillingDtos() {
    }

    static String money(Money m) {
        return m == null ? null : m.toPlainString();
    }

    @Schema(name = "RechargeRequest")
    public record RechargeRequest(@Schema(description = "Decimal string with the currency's digits (SPEC section 4)",
                                          examples = "20.00", pattern = "^-?[0-9]{1,12}(\\.[0-9]{1,4})?$", maxLength = 20) String amount,
                                  @Schema(description = "ISO 4217; must be the account's currency", examples = "USD",
                                          pattern = "^[A-Z]{3}$", minLength = 3, maxLength = 3) String currency,
                                  @Schema(enumeration = {"manual", "stripe"}, examples = "stripe") String gateway) {
    }

    @Schema(name = "Balance")
    public record BalanceResponse(String balance, String currency, String burnRatePerHour, Long estimatedHoursLeft,
                                  boolean suspended, Instant suspendedAt) {
        static BalanceResponse from(BalanceView v) {
            return new BalanceResponse(money(v.balance()), v.balance().currencyCode(), money(v.burnRatePerHour()),
                    v.hoursLeft(), v.suspendedAt() != null, v.suspendedAt());
        }
    }

    @Schema(name = "Recharge")
    public record RechargeResponse(UUID id, UUID userId, String status, String amount, String currency, String gateway,
                                   String paymentUrl, String refundedAmount, Instant createdAt, Instant expiresAt,
                                   Instant paidAt) {
        static RechargeResponse from(RechargeView v) {
            return new RechargeResponse(v.id(), v.ownerId(), v.status(), money(v.amount()), v.amount().currencyCode(),
                    v.gateway(), v.paymentUrl(), money(v.refunded()), v.createdAt(), v.expiresAt(), v.paidAt());
        }
    }

    @Schema(name = "Transaction")
    public record TransactionResponse(UUID id, UUID userId, String type, String amount, String currency,
                                      String balanceAfter, String description, UUID vmId, UUID orderId, UUID refundId,
                                      String reason, UUID actorId, Instant periodStart, Instant createdAt) {
        static TransactionResponse from(TransactionView v) {
            return new TransactionResponse(v.id(), v.ownerId(), v.type(), money(v.amount()), v.amount().currencyCode(),
                    money(v.balanceAfter()), v.description(), v.vmId(), v.orderId(), v.refundId(), v.reason(),
                    v.actorId(), v.periodStart(), v.createdAt());
        }
    }

    @Schema(name = "InvoiceLine")
    public record InvoiceLineResponse(UUID vmId, String description, long hours, String amount, String hostname,
                                      Instant periodStart, Instant periodEnd) {
        static InvoiceLineResponse from(InvoiceLine l) {
            return new InvoiceLineResponse(l.vmId(), l.description(), l.hours(), money(l.amount()), l.hostname(), l.periodStart(),
                    l.periodEnd());
        }
    }

    @Schema(name = "Invoice")
    public record InvoiceResponse(UUID id, UUID userId, Instant periodStart, Instant periodEnd, String currency,
                                  String openingBalance, String recharges, String charges, String refunds,
                                  String adjustments, String closingBalance, String totalCharged, Instant createdAt,
                                  List<InvoiceLineResponse> lines) {
        static InvoiceResponse from(InvoiceSummary s, List<InvoiceLine> lines) {
            return new InvoiceResponse(s.id(), s.ownerId(), s.periodStart(), s.periodEnd(), s.closingBalance().currencyCode(),
                    money(s.openingBalance()), money(s.recharges()), money(s.charges()), money(s.refunds()),
                    money(s.adjustments()), money(s.closingBalance()), money(s.charges().negate()), s.createdAt(),
                    lines == null ? null : lines.stream().map(InvoiceLineResponse::from).toList());
        }

        static InvoiceResponse from(InvoiceDetail d) {
            return from(d.summary(), d.lines());
        }
    }

    @Schema(name = "RefundRequest")
    public record RefundRequest(UUID orderId, UUID userId, UUID vmId,
                                @Schema(pattern = "^-?[0-9]{1,12}(\\.[0-9]{1,4})?$", maxLength = 20, examples = "5.00") String amount,
                                @Schema(pattern = "^[A-Z]{3}$", minLength = 3, maxLength = 3) String currency,
                                @Schema(description = "gateway (order_id) or balance (user_id)",
                                        enumeration = {"gateway", "balance"}) String destination,
                                @Schema(minLength = 1) String reason) {
    }

    @Schema(name = "Refund")
    public record RefundResponse(UUID id, UUID userId, UUID orderId, UUID vmId, String amount, String currency,
                                 String destination, String status, String reason, UUID actorId, String gatewayRef,
                                 Instant createdAt) {
        static RefundResponse from(RefundView v) {
            return new RefundResponse(v.id(), v.ownerId(), v.orderId(), v.vmId(), money(v.amount()), v.amount().currencyCode(),
                    v.destination(), v.status(), v.reason(), v.actorId(), v.gatewayRef(), v.createdAt());
        }
    }

    @Schema(name = "BalanceAdjustmentRequest")
    public record AdjustmentRequest(@Schema(description = "Signed decimal string: negative takes money away", examples = "-5.00",
                                            pattern = "^-?[0-9]{1,12}(\\.[0-9]{1,4})?$", maxLength = 20) String amount,
                                    @Schema(pattern = "^[A-Z]{3}$", minLength = 3, maxLength = 3, examples = "USD") String currency,
                                    @Schema(description = "Why (kept in the ledger and the audit log)", minLength = 1) String reason) {
    }

    @Schema(name = "LedgerCheck")
    public record LedgerCheckResponse(boolean consistent, long accountsChecked, long entries, long sumOfAllLegs,
                                      List<Mismatch> mismatches, List<SystemAccount> systemAccounts) {
        public record Mismatch(UUID accountId, UUID userId, String cached, String fromEntries, String currency) {
        }

        public record SystemAccount(String code, String balance, String currency) {
        }

        static LedgerCheckResponse from(LedgerCheck c) {
            return new LedgerCheckResponse(c.consistent(), c.accountsChecked(), c.entries(), c.sumOfAllLegs(),
                    c.mismatches().stream().map(m -> new Mismatch(m.accountId(), m.ownerId(), money(m.cached()),
                            money(m.fromEntries()), m.cached().currencyCode())).toList(),
                    c.systemAccounts().stream().map(s -> new SystemAccount(s.code(), money(s.balance()),
                            s.balance().currencyCode())).toList());
        }
    }

    public record WebhookResponse(String outcome) {
    }
}
