package io.proxima.application.hypervisor.port.out;

import java.util.Objects;

/** One look at a task: still running, or stopped with PVE's exit status ({@code OK}, {@code WARNINGS: n} or an error text). */
public record TaskStatus(Upid upid, boolean running, String exitStatus) {

    public TaskStatus {
        Objects.requireNonNull(upid, "upid");
        if (!running && exitStatus == null) {
            exitStatus = "unknown";
        }
    }

    /** Stopped with {@code OK} or {@code WARNINGS: n}. */
    public boolean succeeded() {
        return !running && (exitStatus.equals("OK") || exitStatus.startsWith("WARNINGS"));
    }
}
