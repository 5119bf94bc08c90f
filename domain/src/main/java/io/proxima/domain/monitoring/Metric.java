package io.proxima.domain.monitoring;

import io.proxima.domain.shared.ValidationException;
import java.util.Locale;

/** What an alert rule watches. Percent metrics are 0-100; network rates are bytes per second. */
public enum Metric {
    CPU("cpu", true, true), MEMORY("memory", true, true), DISK("disk", true, true),
    NETWORK_IN("network_in", false, true), NETWORK_OUT("network_out", false, true),
    /** 1 while a node is offline (node scope only). */
    NODE_OFFLINE("node_offline", false, false),
    /** 1 while a VM that Proxima believes running is found stopped (VM scope only). */
    VM_STOPPED("vm_stopped", false, false);

    private final String wire;
    private final boolean percent;
    private final boolean sampled;

    Metric(String wire, boolean percent, boolean sampled) {
        this.wire = wire;
        this.percent = percent;
        this.sampled = sampled;
    }

    public String wireName() {
        return wire;
    }

    public boolean percent() {
        return percent;
    }

    /** True for values read from the metrics samples; false for state flags (0 or 1). */
    public boolean sampled() {
        return sampled;
    }

    public static Metric parse(String raw) {
        if (raw != null) {
            String v = raw.trim().toLowerCase(Locale.ROOT);
            for (Metric m : values()) {
                if (m.wire.equals(v)) {
                    return m;
                }
            }
        }
        throw ValidationException.of("metric", "validation.alert.metric",
                "must be one of cpu, memory, disk, network_in, network_out, node_offline, vm_stopped");
    }
}
