package io.proxima.application.hypervisor.port.out;

import java.util.Objects;

/** A task that ended successfully; {@code warnings} counts PVE's {@code WARNINGS: n} (0 for {@code OK}). */
public record TaskResult(Upid upid, String exitStatus, int warnings) {

    public TaskResult {
        Objects.requireNonNull(upid, "upid");
        Objects.requireNonNull(exitStatus, "exitStatus");
        if (warnings < 0) {
            throw new IllegalArgumentException("warnings must not be negative");
        }
    }
}
