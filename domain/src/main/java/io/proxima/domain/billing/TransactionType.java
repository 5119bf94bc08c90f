package io.proxima.domain.billing;

import java.util.Locale;

/** Kinds of ledger movement; each is an entry pair (the customer's leg and a system account's leg). */
public enum TransactionType {
    RECHARGE, CHARGE, REFUND, ADJUSTMENT, REVERSAL;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static TransactionType fromWire(String s) {
        return valueOf(s.toUpperCase(Locale.ROOT));
    }
}
