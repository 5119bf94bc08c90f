package io.proxima.application.hypervisor.port.out;

/** The power actions PVE offers; {@link #destructive()} ones are refused on a guest that is not Proxima's. */
public enum PowerAction {
    START("start", false),
    /** Hard power-off. */
    STOP("stop", true),
    /** ACPI shutdown (QEMU) or clean container shutdown. */
    SHUTDOWN("shutdown", false),
    REBOOT("reboot", false),
    /** Pause (QEMU, in RAM) or freeze (LXC). */
    SUSPEND("suspend", false),
    RESUME("resume", false),
    /** Hard reset (QEMU only). */
    RESET("reset", true);

    private final String pveName;
    private final boolean destructive;

    PowerAction(String pveName, boolean destructive) {
        this.pveName = pveName;
        this.destructive = destructive;
    }

    /** The last path segment of {@code status/<action>}. */
    public String pveName() {
        return pveName;
    }

    /** Loses the guest's running state: checked against the guest's Proxima id first. */
    public boolean destructive() {
        return destructive;
    }
}
