package io.proxima.application.monitoring.port.out;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Metric samples in PostgreSQL: raw per cycle, rolled up to 5 minutes and hours, with retention. */
public interface MetricStore {

    /** Sample resolutions, in seconds ({@code RAW} is one collection cycle). */
    enum Resolution {
        RAW(0), FIVE_MINUTES(300), HOUR(3600);

        private final int seconds;

        Resolution(int seconds) {
            this.seconds = seconds;
        }

        public int seconds() {
            return seconds;
        }
    }

    /** One sample of a VM ({@code vm}) or node ({@code node}); rates in bytes per second, cpu 0-100. */
    record Sample(String resourceType, UUID resourceId, UUID nodeId, Instant at, Double cpu, long memUsed, long memTotal,
                  long diskUsed, long diskTotal, Double netInRate, Double netOutRate) {

        public Double memoryPercent() {
            return memTotal <= 0 ? null : 100.0 * memUsed / memTotal;
        }

        public Double diskPercent() {
            return diskTotal <= 0 ? null : 100.0 * diskUsed / diskTotal;
        }
    }

    /** The cumulative counters last seen for a resource, to derive rates in the next cycle. */
    record Counters(UUID resourceId, Instant at, long netIn, long netOut) {
    }

    /** Fleet-wide figures of the newest cycle (seed 001's system stats). */
    record FleetUsage(Instant at, double cpuPercent, long memUsed, long memTotal, long diskUsed, long diskTotal,
                      double netInRate, double netOutRate, int nodes) {
    }

    Map<UUID, Counters> counters(Collection<UUID> resourceIds);

    void saveCounters(List<Counters> counters);

    /** Inserts samples; one already stored for the same resource and time is kept (never doubled). Returns how many were new. */
    int insertRaw(List<Sample> samples);

    /** Recomputes the roll-ups of {@code resolution} for buckets that overlap [from, to). */
    void rollUp(Resolution resolution, Instant from, Instant to);

    /** Drops samples of {@code resolution} older than {@code cutoff}; returns how many went. */
    long purge(Resolution resolution, Instant cutoff);

    /** Samples of one resource in [from, to], oldest first. */
    List<Sample> history(String resourceType, UUID resourceId, Resolution resolution, Instant from, Instant to);

    /** The newest raw sample of one resource, if any. */
    java.util.Optional<Sample> latest(String resourceType, UUID resourceId);

    /** Fleet usage from the node samples of the newest cycle; empty before the first. */
    java.util.Optional<FleetUsage> fleetUsage();

    /** The newest raw sample time (where a restarted collector resumes). */
    java.util.Optional<Instant> newestSampleTime();
}
