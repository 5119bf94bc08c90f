package io.proxima.application.hypervisor.port.out;

/** A PVE guest is a QEMU virtual machine or an LXC container; they share most of the API under different paths. */
public enum GuestType {
    QEMU("qemu"),
    LXC("lxc");

    private final String pveName;

    GuestType(String pveName) {
        this.pveName = pveName;
    }

    /** The name PVE uses in paths and in {@code /cluster/resources} ({@code qemu}, {@code lxc}). */
    public String pveName() {
        return pveName;
    }

    public static GuestType fromPve(String name) {
        for (GuestType t : values()) {
            if (t.pveName.equals(name)) {
                return t;
            }
        }
        throw new IllegalArgumentException("not a guest type: " + name);
    }
}
