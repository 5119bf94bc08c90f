package io.proxima.application.monitoring.port.out;

import java.time.Duration;

/** Delivery knobs: per-attempt timeout, first retry delay (doubling up to {@code maxBackoff}), and how long to keep trying. */
public record WebhookSettings(Duration timeout, Duration firstRetry, Duration maxBackoff, Duration giveUpAfter, int batch) {
}
