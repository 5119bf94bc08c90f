package io.proxima.application.hypervisor.port.out;

/** A guest's power state as Proxima reads it from PVE's {@code status} and {@code qmpstatus}. */
public enum PowerState {
    RUNNING,
    STOPPED,
    /** QEMU paused in RAM ({@code status=running}, {@code qmpstatus=paused}). */
    PAUSED,
    /** Hibernated to disk ({@code lock=suspended}). */
    SUSPENDED,
    UNKNOWN
}
