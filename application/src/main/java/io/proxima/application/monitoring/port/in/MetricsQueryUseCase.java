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

    /**
     * The stored history, with PVE's RRD ({@code pveRrd}, called only then) filling the part of the
     * window before the first stored sample — the time before Proxima collected. An RRD that cannot
     * be read leaves the stored part.
     */
    List<RrdPoint> history(String resourceType, UUID resourceId, RrdTimeframe timeframe,
                           java.util.function.Supplier<List<RrdPoint>> pveRrd);

    Optional<Sample> latest(String resourceType, UUID resourceId);

    Optional<FleetUsage> fleetUsage();
}
