package io.proxima.application.hypervisor.port.out;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** One RRD sample: its time and the metrics PVE had for it (cpu, mem, netin ...); missing metrics are absent, not zero. */
public record RrdPoint(Instant time, Map<String, Double> values) {

    public RrdPoint {
        Objects.requireNonNull(time, "time");
        values = values == null ? Map.of() : Map.copyOf(values);
    }

    public Optional<Double> value(String metric) {
        return Optional.ofNullable(values.get(metric));
    }
}
