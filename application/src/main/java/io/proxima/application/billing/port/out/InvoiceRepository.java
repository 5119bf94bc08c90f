package io.proxima.application.billing.port.out;

import java.time.Instant;

/** Monthly statements, generated set-based from the ledger. */
public interface InvoiceRepository {

    /** Creates the statements of the month [{@code from}, {@code to}) that do not exist yet; returns how many. */
    int generate(Instant from, Instant to, Instant now);
}
