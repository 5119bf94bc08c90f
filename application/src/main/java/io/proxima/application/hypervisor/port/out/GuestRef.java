package io.proxima.application.hypervisor.port.out;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where a guest lives in PVE: node name, vmid and type. Never an identity (PVE reuses vmids);
 * Proxima's VM id travels separately and is checked before destructive calls.
 */
public record GuestRef(String node, int vmid, GuestType type) {

    static final Pattern NODE = Pattern.compile("[a-zA-Z0-9]([a-zA-Z0-9\\-]*[a-zA-Z0-9])?");

    public GuestRef {
        Objects.requireNonNull(type, "type");
        requireNode(node);
        requireVmid(vmid);
    }

    public static GuestRef qemu(String node, int vmid) {
        return new GuestRef(node, vmid, GuestType.QEMU);
    }

    public static GuestRef lxc(String node, int vmid) {
        return new GuestRef(node, vmid, GuestType.LXC);
    }

    /** The same guest after a migration. */
    public GuestRef onNode(String otherNode) {
        return new GuestRef(otherNode, vmid, type);
    }

    static String requireNode(String node) {
        if (node == null || !NODE.matcher(node).matches()) {
            throw new IllegalArgumentException("not a PVE node name: " + node);
        }
        return node;
    }

    static int requireVmid(int vmid) {
        if (vmid < 100 || vmid > 999_999_999) {
            throw new IllegalArgumentException("vmid must be within 100..999999999: " + vmid);
        }
        return vmid;
    }
}
