package io.proxima.application.vm;

import java.time.Duration;

/**
 * Settings of the VM console and metrics stream ({@code # --- VM extras ---} in the configuration).
 *
 * @param consoleTokenTtl     how long a one-time console URL stays valid
 * @param consoleMaxPerUser   console sessions one user may hold open at once (per instance)
 * @param metricsInterval     how often the metrics stream sends a message
 */
public record VmStreamSettings(Duration consoleTokenTtl, int consoleMaxPerUser, Duration metricsInterval) {

    public static VmStreamSettings defaults() {
        return new VmStreamSettings(Duration.ofSeconds(60), 5, Duration.ofSeconds(5));
    }
}
