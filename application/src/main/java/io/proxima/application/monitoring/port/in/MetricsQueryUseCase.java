package io.proxima.application.monitoring.port.in;

import io.proxima.application.hypervisor.port.out.RrdPoint;
import io.proxima.application.hypervisor.port.out.RrdTimeframe;
import io.proxima.application.monitoring.port.out.MetricStore.FleetUsage;
import io.proxima.application.monitoring.port.out.MetricStore.Sample;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Reads of the stored metrics; callers check access to the resource first. */
public interface MetricsQueryUseCase {

    /**
     * The stored history of a VM ({@code vm}) or node ({@code node}) over the timeframe, as points
     * shaped like PVE's RRD rows (cpu as a fraction, netin/netout in bytes per second), oldest first;
     * empty when nothing is stored for that window.
     */
    List<RrdPoint> history(String resourceType, UUID resourceId, RrdTimeframe timeframe);

    /** When the stored history starts (to fill what is older from PVE's RRD). */
    Optional<java.time.Instant> firstSampleAfter(String resourceType, UUID resourceId, RrdTimeframe timeframe);

    Optional<Sample> latest(String resourceType, UUID resourceId);

    Optional<FleetUsage> fleetUsage();
}
