package io.proxima.application.billing.port.out;

import java.util.UUID;

/** Tells a customer about billing events (by email once the identity context's mailer is wired). */
public interface BillingNotifier {

    void suspended(UUID userId, String balance, String currency);

    void unsuspended(UUID userId);

    void terminated(UUID userId);

    void lowBalance(UUID userId, String balance, String currency);
}
