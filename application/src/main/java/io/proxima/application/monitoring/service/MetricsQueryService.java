package io.proxima.application.monitoring.service;

import io.proxima.application.hypervisor.port.out.RrdPoint;
import io.proxima.application.hypervisor.port.out.RrdTimeframe;
import io.proxima.application.monitoring.port.in.MetricsQueryUseCase;
import io.proxima.application.monitoring.port.out.MetricStore;
import io.proxima.application.monitoring.port.out.MetricStore.FleetUsage;
import io.proxima.application.monitoring.port.out.MetricStore.Resolution;
import io.proxima.application.monitoring.port.out.MetricStore.Sample;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/** Stored metrics for the history routes, the dashboard and the streams. */
@ApplicationScoped
public class MetricsQueryService implements MetricsQueryUseCase {

    private final MetricStore store;
    private final Clock clock;

    @Inject
    public MetricsQueryService(MetricStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** The resolution that gives a few hundred points over the window. */
    static Resolution resolution(RrdTimeframe tf) {
        return switch (tf) {
            case HOUR -> Resolution.RAW;
            case DAY -> Resolution.FIVE_MINUTES;
            case WEEK, MONTH, YEAR -> Resolution.HOUR;
        };
    }

    static Duration window(RrdTimeframe tf) {
        return switch (tf) {
            case HOUR -> Duration.ofHours(1);
            case DAY -> Duration.ofDays(1);
            case WEEK -> Duration.ofDays(7);
            case MONTH -> Duration.ofDays(30);
            case YEAR -> Duration.ofDays(365);
        };
    }

    @Override
    @Transactional
    public List<RrdPoint> history(String resourceType, UUID resourceId, RrdTimeframe timeframe) {
        Instant to = clock.instant();
        Instant from = to.minus(window(timeframe));
        return store.history(resourceType, resourceId, resolution(timeframe), from, to).stream()
                .map(MetricsQueryService::point).toList();
    }

    @Override
    public List<RrdPoint> history(String resourceType, UUID resourceId, RrdTimeframe timeframe, Supplier<List<RrdPoint>> pveRrd) {
        List<RrdPoint> stored = history(resourceType, resourceId, timeframe);
        Instant windowStart = clock.instant().minus(window(timeframe));
        // Covered when the first stored point is within two buckets of the window's start.
        long bucket = Math.max(resolution(timeframe).seconds(), 60);
        if (!stored.isEmpty() && !stored.get(0).time().isAfter(windowStart.plusSeconds(2 * bucket))) {
            return stored;
        }
        List<RrdPoint> older;
        try {
            older = pveRrd.get();
        } catch (RuntimeException e) {
            return stored;
        }
        if (stored.isEmpty()) {
            return older;
        }
        Instant first = stored.get(0).time();
        List<RrdPoint> out = new ArrayList<>(older.stream().filter(p -> p.time().isBefore(first)).toList());
        out.addAll(stored);
        return out;
    }

    /** PVE's RRD vocabulary, so the history routes render stored and RRD points alike. */
    static RrdPoint point(Sample s) {
        Map<String, Double> v = new HashMap<>();
        if (s.cpu() != null) {
            v.put("cpu", s.cpu() / 100.0);
        }
        v.put("mem", (double) s.memUsed());
        v.put("maxmem", (double) s.memTotal());
        v.put("disk", (double) s.diskUsed());
        v.put("maxdisk", (double) s.diskTotal());
        if (s.netInRate() != null) {
            v.put("netin", s.netInRate());
        }
        if (s.netOutRate() != null) {
            v.put("netout", s.netOutRate());
        }
        return new RrdPoint(s.at(), v);
    }

    @Override
    @Transactional
    public Optional<Sample> latest(String resourceType, UUID resourceId) {
        return store.latest(resourceType, resourceId);
    }

    @Override
    @Transactional
    public Optional<FleetUsage> fleetUsage() {
        return store.fleetUsage();
    }
}
