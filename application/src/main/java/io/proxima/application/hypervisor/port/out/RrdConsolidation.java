package io.proxima.application.hypervisor.port.out;

/** How RRD points are consolidated over their interval. */
public enum RrdConsolidation {
    AVERAGE, MAX
}
