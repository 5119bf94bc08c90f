package io.proxima.application.monitoring.port.out;

import io.proxima.domain.monitoring.Alert;

/**
 * Tells people about alert transitions (email, outgoing webhooks ...). Called inside the
 * transaction that records the transition: implementations only record what to send (an outbox),
 * and deliver after commit, so a slow or failing receiver never blocks alerting.
 */
public interface AlertNotifier {

    void triggered(Alert alert);

    void resolved(Alert alert);
}
