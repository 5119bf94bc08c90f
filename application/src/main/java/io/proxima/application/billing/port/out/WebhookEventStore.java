package io.proxima.application.billing.port.out;

import java.time.Instant;

/** Gateway events already processed, by the gateway's event id. */
public interface WebhookEventStore {

    /** Records the event; false when it was recorded before (a redelivery). */
    boolean record(String gateway, String eventId, String type, Instant at);

    /** Deletes events received before {@code cutoff} (gateways stop redelivering long before); returns how many. */
    int purgeReceivedBefore(Instant cutoff);
}
