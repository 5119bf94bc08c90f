package io.proxima.application.hypervisor.port.out;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Create an LXC container from an {@code ostemplate} volume ({@code local:vztmpl/...}). The root
 * password and SSH keys are only settable at creation for containers. {@code ipConfig} is the
 * {@code ip=} part of net0 ({@code dhcp} or {@code 1.2.3.4/24}), {@code gateway} may be null.
 */
public record LxcCreateSpec(String node, Integer vmid, UUID proximaVmId, String hostname, String ostemplate,
                            String storage, int diskGb, int cores, int memoryMb, int swapMb, String bridge,
                            String ipConfig, String gateway, Integer rateMbps, String password, List<String> sshKeys,
                            boolean unprivileged) {

    public LxcCreateSpec {
        GuestRef.requireNode(node);
        Objects.requireNonNull(proximaVmId, "proximaVmId");
        Objects.requireNonNull(ostemplate, "ostemplate");
        Objects.requireNonNull(storage, "storage");
        Objects.requireNonNull(bridge, "bridge");
        if (vmid != null) {
            GuestRef.requireVmid(vmid);
        }
        if (!ostemplate.matches("[^:\\s]+:[^\\s]+")) {
            throw new IllegalArgumentException("ostemplate must be a volume id (storage:path): " + ostemplate);
        }
        if (hostname != null && !hostname.matches("[A-Za-z0-9]([A-Za-z0-9.\\-]{0,61}[A-Za-z0-9])?")) {
            throw new IllegalArgumentException("hostname must be a DNS name: " + hostname);
        }
        if (cores < 1 || memoryMb < 16 || diskGb < 1 || swapMb < 0) {
            throw new IllegalArgumentException("cores >= 1, memory >= 16 MiB, disk >= 1 GiB, swap >= 0");
        }
        ipConfig = ipConfig == null ? "dhcp" : ipConfig;
        sshKeys = sshKeys == null ? List.of() : List.copyOf(sshKeys);
    }

    @Override
    public String toString() {
        return "LxcCreateSpec[" + node + "/" + vmid + " " + hostname + " " + ostemplate + "]";
    }
}
