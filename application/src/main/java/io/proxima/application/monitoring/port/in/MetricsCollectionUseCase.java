package io.proxima.application.monitoring.port.in;

import java.time.Instant;
import java.util.Optional;

/** The metrics pipeline: one collection cycle reads every cluster once, stores samples and evaluates alert rules. */
public interface MetricsCollectionUseCase {

    /** What one cycle did: PVE calls made, samples stored, and how long ingestion and evaluation took. */
    record Cycle(Instant at, int clusters, int pveCalls, int failedClusters, int samples, int newSamples,
                 long ingestMillis, long evaluateMillis) {
    }

    /** The scheduled cycle: runs when this instance claims the current period; empty when another has it. */
    Optional<Cycle> collectIfDue();

    /** One cycle for the period starting at {@code at} (idempotent: samples already stored for it are kept). */
    Cycle collect(Instant at);

    /** Drops samples past their retention. */
    long purgeExpired();
}
