package io.proxima.domain.billing;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;

/**
 * Money given back by an administrator. {@code GATEWAY} refunds return part of a paid recharge
 * order to the payer (debiting the balance); {@code BALANCE} refunds credit charges back to the
 * balance. Either way a reason is required and the refund references what it refunds.
 */
public record Refund(UUID id, UUID ownerId, UUID orderId, UUID vmId, Money amount, Destination destination,
                     Status status, String reason, UUID actorId, String gatewayRef, Instant createdAt) {

    public enum Destination {
        GATEWAY, BALANCE;

        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public enum Status {
        PENDING, SUCCEEDED, FAILED;

        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public Refund {
        Objects.requireNonNull(id);
        Objects.requireNonNull(ownerId);
        Objects.requireNonNull(amount);
        Objects.requireNonNull(destination);
        Objects.requireNonNull(status);
        if (!amount.isPositive()) {
            throw new IllegalArgumentException("a refund is positive");
        }
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a refund needs a reason");
        }
    }

    public Refund settled(Status outcome, String ref) {
        return new Refund(id, ownerId, orderId, vmId, amount, destination, outcome, reason, actorId, ref, createdAt);
    }
}
