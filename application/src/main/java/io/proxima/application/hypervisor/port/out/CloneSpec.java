package io.proxima.application.hypervisor.port.out;

import java.util.Objects;
import java.util.UUID;

/**
 * Clone a template into a new guest of Proxima's. {@code newVmid} null lets the adapter allocate
 * one (nextid, then retry with another id on "already exists"); a saga that persisted its vmid
 * first passes it. {@code targetNode} null keeps the template's node. {@code full} false gives a
 * linked clone (templates only). The Proxima VM id is written into the description by the clone
 * itself, so the guest is recognisable from the moment it exists.
 */
public record CloneSpec(GuestRef template, Integer newVmid, String targetNode, String name, UUID proximaVmId,
                        boolean full, String storage, String pool) {

    public CloneSpec {
        Objects.requireNonNull(template, "template");
        Objects.requireNonNull(proximaVmId, "proximaVmId");
        if (newVmid != null) {
            GuestRef.requireVmid(newVmid);
        }
        if (targetNode != null) {
            GuestRef.requireNode(targetNode);
        }
        if (name != null && !name.matches("[A-Za-z0-9]([A-Za-z0-9.\\-]{0,61}[A-Za-z0-9])?")) {
            throw new IllegalArgumentException("name must be a DNS name: " + name);
        }
        if (!full && storage != null) {
            throw new IllegalArgumentException("a target storage needs a full clone");
        }
    }

    /** The node the new guest will live on. */
    public String node() {
        return targetNode == null ? template.node() : targetNode;
    }
}
