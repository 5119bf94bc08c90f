package io.proxima.application.billing.port.in;

import io.proxima.application.billing.port.in.BillingViews.BalanceView;
import io.proxima.application.billing.port.in.BillingViews.Created;
import io.proxima.application.billing.port.in.BillingViews.LedgerCheck;
import io.proxima.application.billing.port.in.BillingViews.TransactionView;
import java.util.UUID;

/** Balances: reading them, administrators' adjustments, and the ledger consistency proof. */
public interface BalanceUseCase {

    /** A signed adjustment by an administrator, with the reason that is kept in the ledger. */
    record AdjustBalance(UUID userId, String amount, String currency, String reason, UUID adminId,
                         String idempotencyKey) {
    }

    BalanceView balance(UUID ownerId);

    Created<TransactionView> adjust(AdjustBalance command);

    LedgerCheck checkLedger();
}
