package io.proxima.application.monitoring.port.out;

import java.time.Duration;

/**
 * Posts a webhook: signs the body (HMAC-SHA256 over {@code timestamp.body} with the endpoint's
 * secret), refuses internal addresses after resolving the host unless allowed, and gives up after
 * {@code timeout}. Never throws: the outcome says what happened.
 */
public interface WebhookSender {

    record Outcome(Integer statusCode, String error, long durationMillis) {

        public boolean delivered() {
            return statusCode != null && statusCode >= 200 && statusCode < 300;
        }
    }

    Outcome send(String url, String secret, boolean allowPrivate, String eventId, String eventType, String body,
                 Duration timeout);
}
