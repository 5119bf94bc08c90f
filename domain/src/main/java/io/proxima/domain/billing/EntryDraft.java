package io.proxima.domain.billing;

import java.time.Instant;
import java.util.UUID;

/** An entry before it is posted to an account (which fixes the balance after it). */
public record EntryDraft(UUID id, TransactionType type, UUID counterAccountId, Money amount, UUID vmId,
                         Instant periodStart, UUID orderId, UUID refundId, UUID reverses, UUID actorId,
                         String reason, String description, Instant effectiveAt) {

    public static EntryDraft of(TransactionType type, UUID counterAccountId, Money amount, String description, Instant at) {
        return new EntryDraft(UUID.randomUUID(), type, counterAccountId, amount, null, null, null, null, null, null,
                null, description, at);
    }

    public EntryDraft withVm(UUID vm, Instant period) {
        return new EntryDraft(id, type, counterAccountId, amount, vm, period, orderId, refundId, reverses, actorId,
                reason, description, effectiveAt);
    }

    public EntryDraft withOrder(UUID order) {
        return new EntryDraft(id, type, counterAccountId, amount, vmId, periodStart, order, refundId, reverses, actorId,
                reason, description, effectiveAt);
    }

    public EntryDraft withRefund(UUID refund) {
        return new EntryDraft(id, type, counterAccountId, amount, vmId, periodStart, orderId, refund, reverses, actorId,
                reason, description, effectiveAt);
    }

    public EntryDraft reversing(UUID entry) {
        return new EntryDraft(id, type, counterAccountId, amount, vmId, periodStart, orderId, refundId, entry, actorId,
                reason, description, effectiveAt);
    }

    public EntryDraft by(UUID actor, String why) {
        return new EntryDraft(id, type, counterAccountId, amount, vmId, periodStart, orderId, refundId, reverses, actor,
                why, description, effectiveAt);
    }
}
