package io.proxima.adapter.out.proxmox.simulator;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/** How a {@link PveSimulator} runs: where it listens, its nodes, its one API token and how long its tasks take. */
public record SimulatorSettings(String host, int port, List<String> nodes, String tokenId, String tokenSecret,
                                Duration taskDuration, int seedGuests, java.util.Map<String, Duration> taskDurations,
                                double errorRate, Duration latency) {

    public SimulatorSettings(String host, int port, List<String> nodes, String tokenId, String tokenSecret,
                             Duration taskDuration, int seedGuests) {
        this(host, port, nodes, tokenId, tokenSecret, taskDuration, seedGuests, java.util.Map.of(), 0, Duration.ZERO);
    }

    public SimulatorSettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(tokenId, "tokenId");
        Objects.requireNonNull(tokenSecret, "tokenSecret");
        Objects.requireNonNull(taskDuration, "taskDuration");
        nodes = List.copyOf(nodes);
        taskDurations = taskDurations == null ? java.util.Map.of() : java.util.Map.copyOf(taskDurations);
        latency = latency == null ? Duration.ZERO : latency;
        if (errorRate < 0 || errorRate > 1) {
            throw new IllegalArgumentException("error rate must be within 0..1");
        }
        if (nodes.isEmpty()) {
            throw new IllegalArgumentException("the simulator needs at least one node");
        }
        if (port < 0 || port > 65535 || seedGuests < 0) {
            throw new IllegalArgumentException("bad port or seed count");
        }
    }

    /** Loopback, a free port, two nodes, 50 ms tasks: what tests use. */
    public static SimulatorSettings forTests() {
        return new SimulatorSettings("127.0.0.1", 0, List.of("pve-sim1", "pve-sim2"), "proxima@pve!simulator",
                java.util.UUID.randomUUID().toString(), Duration.ofMillis(50), 0);
    }

    public SimulatorSettings withTaskDuration(Duration d) {
        return new SimulatorSettings(host, port, nodes, tokenId, tokenSecret, d, seedGuests, taskDurations, errorRate, latency);
    }
}
