package io.proxima.application.billing.port.in;

import io.proxima.application.billing.port.in.BillingViews.EnforcementSummary;
import io.proxima.application.billing.port.in.BillingViews.RunSummary;
import java.time.Instant;

/** The scheduled work of billing; triggers live in bootstrap, each job is safe to run on every instance. */
public interface BillingJobsUseCase {

    /** Claims a job for one period across instances; false when another instance already ran it. */
    boolean claim(String job, Instant periodStart);

    /** Charges every hour started by now, set-based, batch after batch until nothing is due. */
    RunSummary chargeDueHours();

    /** Suspends overdrawn accounts, terminates those past the grace period, warns low balances, delivers requests. */
    EnforcementSummary enforce();

    /** Delivers queued service-control requests and notices (retries failures). */
    int dispatch();

    /** Expires pending orders past their lifetime (asking the gateway first). */
    int expireOrders();

    /** Asks the gateway about pending orders whose webhook never came, and settles them. */
    int settlePendingOrders();

    /** Generates the statements of the month before the one holding now. */
    int generateInvoices();
}
