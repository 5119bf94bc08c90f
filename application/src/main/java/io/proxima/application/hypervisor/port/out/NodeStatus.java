package io.proxima.application.hypervisor.port.out;

import java.util.List;

/** {@code GET /nodes/{node}/status}: CPU, memory, root disk, load and versions of one node. */
public record NodeStatus(String node, double cpu, int cpus, String cpuModel, long memTotal, long memUsed,
                         long rootTotal, long rootUsed, List<Double> loadAverage, long uptime, String pveVersion,
                         String kernel) {

    public NodeStatus {
        loadAverage = loadAverage == null ? List.of() : List.copyOf(loadAverage);
    }
}
