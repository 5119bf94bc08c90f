package io.proxima.application.hypervisor.port.out;

/** The {@code type} filter of {@code /cluster/resources}; {@link #ALL} sends none. */
public enum ResourceKind {
    ALL(null),
    VM("vm"),
    NODE("node"),
    STORAGE("storage");

    private final String pveName;

    ResourceKind(String pveName) {
        this.pveName = pveName;
    }

    public String pveName() {
        return pveName;
    }
}
