package io.proxima.domain.billing;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The life of a recharge order. {@code expired → paid} exists because a gateway may report a
 * payment that completed just as the order timed out: money received is always credited.
 */
public enum RechargeStatus {
    PENDING, PAID, EXPIRED, FAILED, REFUNDED;

    private static final Map<RechargeStatus, Set<RechargeStatus>> NEXT = Map.of(
            PENDING, EnumSet.of(PAID, EXPIRED, FAILED),
            EXPIRED, EnumSet.of(PAID),
            FAILED, EnumSet.noneOf(RechargeStatus.class),
            PAID, EnumSet.of(REFUNDED),
            // further partial refunds, and back to paid when the only refund failed at the gateway
            REFUNDED, EnumSet.of(REFUNDED, PAID));

    public boolean canBecome(RechargeStatus next) {
        return NEXT.get(this).contains(next);
    }

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static RechargeStatus fromWire(String s) {
        return valueOf(s.toUpperCase(Locale.ROOT));
    }
}
