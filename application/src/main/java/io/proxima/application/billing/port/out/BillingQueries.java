package io.proxima.application.billing.port.out;

import io.proxima.application.billing.port.in.BillingViews.InvoiceDetail;
import io.proxima.application.billing.port.in.BillingViews.InvoiceSummary;
import io.proxima.application.billing.port.in.BillingViews.LedgerCheck;
import io.proxima.application.billing.port.in.BillingViews.RechargeView;
import io.proxima.application.billing.port.in.BillingViews.TransactionFilter;
import io.proxima.application.billing.port.in.BillingViews.TransactionView;
import io.proxima.application.shared.Page;
import io.proxima.application.shared.PageRequest;
import java.util.Optional;
import java.util.UUID;

/** Read models of billing, projected straight from the tables. */
public interface BillingQueries {

    Page<TransactionView> transactions(TransactionFilter filter, PageRequest page);

    /** One ledger entry of {@code ownerId}'s account, however old. */
    Optional<TransactionView> transaction(UUID ownerId, UUID id);

    /** Sum of the hourly prices of the owner's active metered resources, in minor units. */
    long burnRatePerHour(UUID ownerId);

    Page<InvoiceSummary> invoices(UUID ownerId, PageRequest page);

    Optional<InvoiceDetail> invoice(UUID id);

    Page<RechargeView> orders(UUID ownerId, PageRequest page);

    /** Recomputes every account's balance from the ledger and compares it with the cached one. */
    LedgerCheck checkLedger();
}
