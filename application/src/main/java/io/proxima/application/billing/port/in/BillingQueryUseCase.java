package io.proxima.application.billing.port.in;

import io.proxima.application.billing.port.in.BillingViews.InvoiceDetail;
import io.proxima.application.billing.port.in.BillingViews.InvoiceSummary;
import io.proxima.application.billing.port.in.BillingViews.RechargeView;
import io.proxima.application.billing.port.in.BillingViews.TransactionFilter;
import io.proxima.application.billing.port.in.BillingViews.TransactionView;
import io.proxima.application.shared.Page;
import io.proxima.application.shared.PageRequest;
import java.util.UUID;

/** Ledger listings, statements and order history. */
public interface BillingQueryUseCase {

    /** Ledger lines with the running balance after each; a null owner in the filter lists everyone's (admin). */
    Page<TransactionView> transactions(TransactionFilter filter, PageRequest page);

    Page<InvoiceSummary> invoices(UUID ownerId, PageRequest page);

    /** One statement with its lines, for its owner or an administrator (404 for anyone else). */
    InvoiceDetail invoice(UUID invoiceId, UUID viewerId, boolean admin);

    Page<RechargeView> orders(UUID ownerId, PageRequest page);
}
