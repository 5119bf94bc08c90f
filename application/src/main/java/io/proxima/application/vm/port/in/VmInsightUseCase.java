package io.proxima.application.vm.port.in;

import io.proxima.application.hypervisor.port.out.RrdPoint;
import io.proxima.application.hypervisor.port.out.RrdTimeframe;
import io.proxima.application.vm.port.in.VmActionsUseCase.Actor;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Live figures and history of guests, read from PVE. */
public interface VmInsightUseCase {

    /** Current usage (seeds 000, 004). Percentages are 0-100. */
    record VmStats(UUID vmId, String status, double cpuUsage, int cpus, long memoryUsed, long memoryTotal,
                   double memoryUsage, long diskTotal, long diskRead, long diskWrite, long netIn, long netOut,
                   long uptime, Instant timestamp) {
    }

    /** The status of one VM in a batch; {@code pve_status} is what PVE reports right now. */
    record BatchStatus(UUID id, String status, String pveStatus, Integer vmid, String node) {
    }

    VmStats stats(UUID vmId, Actor actor);

    List<RrdPoint> history(UUID vmId, RrdTimeframe timeframe, Actor actor);

    /**
     * Status of up to 100 VMs with one {@code /cluster/resources} call per cluster; ids the actor
     * may not see are simply absent.
     */
    Map<UUID, BatchStatus> batchStatus(List<UUID> ids, Actor actor);
}
