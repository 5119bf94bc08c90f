package io.proxima.application.billing.service;

import io.proxima.application.audit.AuditEvent;

import io.proxima.application.billing.port.out.IdempotencyStore;
import io.proxima.application.billing.port.out.LedgerRepository;
import io.proxima.application.billing.port.out.PaymentGateway;
import io.proxima.application.billing.port.out.RechargeOrderRepository;
import io.proxima.application.billing.port.out.WebhookEventStore;
import io.proxima.application.billing.port.in.RechargeUseCase.WebhookOutcome;
import io.proxima.domain.billing.CustomerAccount;
import io.proxima.domain.billing.EntryDraft;
import io.proxima.domain.billing.Money;
import io.proxima.domain.billing.RechargeOrder;
import io.proxima.domain.billing.RechargeStatus;
import io.proxima.domain.billing.TransactionType;
import io.proxima.domain.shared.NotFoundException;
import io.proxima.domain.shared.StateConflictException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * The transactional steps of recharges. Gateway calls happen between them, never inside: an
 * order is persisted before the gateway hears of it, and the outcome after it answers.
 */
@ApplicationScoped
@Transactional
public class RechargeSteps {

    @Inject
    BillingAudit audit;


    private static final Logger LOG = Logger.getLogger(RechargeSteps.class.getName());
    static final Duration KEY_WINDOW = Duration.ofHours(24);

    private final RechargeOrderRepository orders;
    private final LedgerRepository ledger;
    private final IdempotencyStore keys;
    private final WebhookEventStore events;
    private final Postings postings;

    @Inject
    public RechargeSteps(RechargeOrderRepository orders, LedgerRepository ledger, IdempotencyStore keys,
                         WebhookEventStore events, Postings postings) {
        this.orders = orders;
        this.ledger = ledger;
        this.keys = keys;
        this.events = events;
        this.postings = postings;
    }

    /** Either the new pending order, or the one an earlier request with the same key created. */
    public record Pending(RechargeOrder order, boolean replayed) {
    }

    public Pending createPending(RechargeOrder order, String idempotencyKey, String requestHash, Instant now) {
        if (idempotencyKey != null) {
            Optional<IdempotencyStore.Claim> earlier = keys.claim("recharge", order.ownerId(), idempotencyKey,
                    requestHash, order.id().toString(), now, KEY_WINDOW);
            if (earlier.isPresent()) {
                if (!earlier.get().requestHash().equals(requestHash)) {
                    throw BillingSupport.keyReused();
                }
                return new Pending(orders.find(UUID.fromString(earlier.get().resultRef()))
                        .orElseThrow(() -> new IllegalStateException("idempotency key without its order")), true);
            }
        }
        orders.insert(order);
        BillingAudit.record(audit, AuditEvent.of("billing.recharge.create", "recharge", order.id()).user(order.ownerId())
                .detail("amount", order.amount().toPlainString()).detail("currency", order.amount().currencyCode())
                .detail("gateway", order.gateway()));
        return new Pending(order, false);
    }

    public RechargeOrder attachCheckout(UUID orderId, PaymentGateway.Checkout checkout) {
        RechargeOrder o = orders.lock(orderId).orElseThrow();
        o.attachCheckout(checkout.externalId(), checkout.paymentUrl());
        orders.update(o);
        return o;
    }

    public RechargeOrder fail(UUID orderId, String reason) {
        RechargeOrder o = orders.lock(orderId).orElseThrow();
        if (o.status() == RechargeStatus.PENDING) {
            o.fail(reason);
            orders.update(o);
        }
        return o;
    }

    public RechargeOrder find(UUID orderId) {
        return orders.find(orderId).orElseThrow(() -> new NotFoundException("recharge", orderId));
    }

    /** Administrator's confirmation of a bank transfer: credits once, later confirmations change nothing. */
    public RechargeOrder confirmManual(UUID orderId, UUID adminId, Instant now) {
        RechargeOrder o = orders.lock(orderId).orElseThrow(() -> new NotFoundException("recharge", orderId));
        if (!"manual".equals(o.gateway())) {
            throw new StateConflictException("error.billing.not_manual",
                    "only orders of the manual gateway are confirmed by hand", o.status().wire());
        }
        credit(o, now, "manual:" + adminId, adminId);
        BillingAudit.record(audit, AuditEvent.of("billing.recharge.confirm", "recharge", orderId).user(o.ownerId())
                .detail("amount", o.amount().toPlainString()).detail("currency", o.amount().currencyCode()));
        return o;
    }

    /** Applies what a gateway reported (webhook or janitor); returns whether money was credited. */
    public boolean settle(UUID orderId, PaymentGateway.PaymentStatus status, Instant now) {
        RechargeOrder o = orders.lock(orderId).orElseThrow();
        return applyState(o, status.state(), status.amount(), status.paymentRef(), now);
    }

    public WebhookOutcome applyEvent(String gateway, PaymentGateway.Event event, Instant now) {
        if (!events.record(gateway, event.eventId(), event.type(), now)) {
            return WebhookOutcome.DUPLICATE;
        }
        if (event.kind() == PaymentGateway.EventKind.IGNORED) {
            return WebhookOutcome.IGNORED;
        }
        Optional<RechargeOrder> found = event.orderId() != null ? orders.lock(event.orderId()) : Optional.empty();
        if (found.isEmpty() && event.externalId() != null) {
            found = orders.lockByExternalId(gateway, event.externalId());
        }
        if (found.isEmpty() || !found.get().gateway().equals(gateway)) {
            LOG.warning(() -> "webhook " + event.eventId() + " of " + gateway + " names no order of that gateway");
            return WebhookOutcome.IGNORED;
        }
        PaymentGateway.PaymentState state = switch (event.kind()) {
            case PAYMENT_SUCCEEDED -> PaymentGateway.PaymentState.PAID;
            case PAYMENT_FAILED -> PaymentGateway.PaymentState.FAILED;
            case CHECKOUT_EXPIRED -> PaymentGateway.PaymentState.EXPIRED;
            default -> PaymentGateway.PaymentState.OPEN;
        };
        if (state == PaymentGateway.PaymentState.PAID && event.amount() != null
                && !event.amount().equals(found.get().amount())) {
            // Signed by the gateway yet not what was ordered: a bug somewhere; never credit a guess.
            LOG.severe("order " + found.get().id() + " reported paid with " + event.amount() + " instead of "
                    + found.get().amount());
            return WebhookOutcome.IGNORED;
        }
        boolean credited = applyState(found.get(), state, event.amount(), event.paymentRef(), now);
        return credited ? WebhookOutcome.CREDITED
                : state == PaymentGateway.PaymentState.PAID ? WebhookOutcome.DUPLICATE : WebhookOutcome.IGNORED;
    }

    public List<UUID> pendingExpired(Instant now) {
        return orders.pendingExpired(now, 200);
    }

    public List<UUID> pendingCreatedBefore(Instant cutoff) {
        return orders.pendingCreatedBefore(cutoff, 200);
    }

    public boolean expire(UUID orderId, Instant now) {
        RechargeOrder o = orders.lock(orderId).orElseThrow();
        if (!o.isExpiredAt(now)) {
            return false;
        }
        o.expire();
        orders.update(o);
        return true;
    }

    private boolean applyState(RechargeOrder o, PaymentGateway.PaymentState state, Money amount, String paymentRef,
                               Instant now) {
        switch (state) {
            case PAID -> {
                if (amount != null && !amount.equals(o.amount())) {
                    // Signed by the gateway yet not what was ordered: a bug somewhere; never credit a guess.
                    LOG.severe("order " + o.id() + " reported paid with " + amount + " instead of " + o.amount());
                    return false;
                }
                return credit(o, now, paymentRef, null);
            }
            case FAILED -> {
                if (o.status() == RechargeStatus.PENDING) {
                    o.fail("payment failed at the gateway");
                    orders.update(o);
                }
                return false;
            }
            case EXPIRED -> {
                if (o.status() == RechargeStatus.PENDING) {
                    o.expire();
                    orders.update(o);
                }
                return false;
            }
            default -> {
                return false;
            }
        }
    }

    private boolean credit(RechargeOrder o, Instant now, String paymentRef, UUID actorId) {
        if (!o.markPaid(now, paymentRef)) {
            return false;
        }
        orders.update(o);
        CustomerAccount account = ledger.lockAccount(o.ownerId(), o.amount().currency());
        UUID clearing = ledger.systemAccount("gateway:" + o.gateway(), account.currency());
        var entry = account.post(EntryDraft.of(TransactionType.RECHARGE, clearing, o.amount(),
                "Recharge via " + o.gateway(), now).withOrder(o.id()).by(actorId, null));
        postings.save(account, List.of(entry), now);
        return true;
    }
}
