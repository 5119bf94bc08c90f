package io.proxima.application.monitoring.port.out;

import java.time.Duration;

/** The metrics pipeline's cadence and retention, from configuration. */
public record MonitoringSettings(Duration interval, Duration rawRetention, Duration fiveMinuteRetention,
                                 Duration hourRetention) {

    public MonitoringSettings {
        if (interval == null || interval.toSeconds() < 1) {
            throw new IllegalArgumentException("the collection interval must be at least 1 s");
        }
    }
}
