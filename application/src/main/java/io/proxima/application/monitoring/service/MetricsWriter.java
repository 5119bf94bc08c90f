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

    @Transactional
    public void rollUp(Instant at) {
        store.rollUp(Resolution.FIVE_MINUTES, at, at.plusSeconds(1));
        store.rollUp(Resolution.HOUR, at, at.plusSeconds(1));
    }

    @Transactional
    public long purge(Resolution resolution, Instant cutoff) {
        return store.purge(resolution, cutoff);
    }
}
