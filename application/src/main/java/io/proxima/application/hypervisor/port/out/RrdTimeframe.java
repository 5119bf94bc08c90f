package io.proxima.application.hypervisor.port.out;

import java.util.Locale;

/** The RRD windows PVE keeps (hour: one point per minute ... year: one per week). */
public enum RrdTimeframe {
    HOUR, DAY, WEEK, MONTH, YEAR;

    public String pveName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
