package io.proxima.application.monitoring.service;

import io.proxima.application.monitoring.port.out.MetricStore;
import io.proxima.application.monitoring.port.out.MetricStore.Counters;
import io.proxima.application.monitoring.port.out.MetricStore.Resolution;
import io.proxima.application.monitoring.port.out.MetricStore.Sample;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;

/** The pipeline's transactions: a cycle's samples and counters commit together, or not at all. */
@ApplicationScoped
public class MetricsWriter {

    private final MetricStore store;

    @Inject
    public MetricsWriter(MetricStore store) {
        this.store = store;
    }

    @Transactional
    public int record(List<Sample> samples, List<Counters> counters) {
        int inserted = store.insertRaw(samples);
        store.saveCounters(counters);
        return inserted;
    }

    /**
     * Keeps the open 5-minute bucket current every cycle; the hour is recomputed only in the first
     * cycle of a new 5-minute bucket (once the previous one is final), together with the previous
     * hour when that bucket closed it — a fifth of the work, hourly points at most 5 minutes behind.
     */
    @Transactional
    public void rollUp(Instant at, java.time.Duration interval) {
        store.rollUp(Resolution.FIVE_MINUTES, at, at.plusSeconds(1));
        Instant previous = at.minus(interval);
        long bucket = Resolution.FIVE_MINUTES.seconds();
        if (Math.floorDiv(previous.getEpochSecond(), bucket) != Math.floorDiv(at.getEpochSecond(), bucket)) {
            store.rollUp(Resolution.HOUR, previous, at.plusSeconds(1));
        }
    }

    @Transactional
    public long purge(Resolution resolution, Instant cutoff) {
        return store.purge(resolution, cutoff);
    }
}
