package io.proxima.domain.vm;

import io.proxima.domain.shared.StateConflictException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A customer's virtual machine or container. Every state change goes through
 * {@link #apply(VmEvent, String, Instant)}, which consults the single transition table in
 * {@link VmLifecycle}; there is no other way to set the status.
 */
public final class Vm {

    private final VmId id;
    private final UUID ownerId;
    private final GuestType type;
    private final Instant createdAt;
    private Hostname hostname;
    private UUID planId;
    private UUID templateId;
    private ResourceSpec spec;
    private Placement placement;
    private List<String> ipAddresses;
    private VmStatus status;
    private String statusReason;
    private long version;
    private Instant updatedAt;

    private Vm(VmId id, UUID ownerId, GuestType type, Hostname hostname, UUID planId, UUID templateId,
               ResourceSpec spec, Placement placement, List<String> ipAddresses, VmStatus status,
               String statusReason, long version, Instant createdAt, Instant updatedAt) {
        this.id = Objects.requireNonNull(id, "id");
        this.ownerId = Objects.requireNonNull(ownerId, "ownerId");
        this.type = Objects.requireNonNull(type, "type");
        this.hostname = Objects.requireNonNull(hostname, "hostname");
        this.planId = Objects.requireNonNull(planId, "planId");
        this.templateId = templateId;
        this.spec = Objects.requireNonNull(spec, "spec");
        this.placement = placement;
        this.ipAddresses = List.copyOf(ipAddresses == null ? List.of() : ipAddresses);
        this.status = Objects.requireNonNull(status, "status");
        this.statusReason = statusReason;
        this.version = version;
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
        this.updatedAt = Objects.requireNonNull(updatedAt, "updatedAt");
    }

    /** A new order: the VM exists in Proxima, in {@code provisioning}, before anything is asked of PVE. */
    public static Vm order(UUID ownerId, GuestType type, Hostname hostname, UUID planId, UUID templateId,
                           ResourceSpec spec, Instant now) {
        return new Vm(VmId.random(), ownerId, type, hostname, planId, templateId, spec, null, List.of(),
                VmStatus.PROVISIONING, null, 0, now, now);
    }

    public static Vm reconstitute(VmId id, UUID ownerId, GuestType type, Hostname hostname, UUID planId,
                                  UUID templateId, ResourceSpec spec, Placement placement, List<String> ipAddresses,
                                  VmStatus status, String statusReason, long version, Instant createdAt,
                                  Instant updatedAt) {
        return new Vm(id, ownerId, type, hostname, planId, templateId, spec, placement, ipAddresses, status,
                statusReason, version, createdAt, updatedAt);
    }

    /**
     * Moves the VM along the transition table. An event the current state does not accept is a
     * 409/40902 carrying the current state.
     */
    public VmStatus apply(VmEvent event, String reason, Instant at) {
        VmStatus next = VmLifecycle.next(status, event).orElseThrow(() -> new StateConflictException(
                "error.vm.illegal_transition",
                "Cannot " + event.name().toLowerCase() + " a VM that is " + status.wireName(),
                status.wireName(), event.name().toLowerCase(), status.wireName()));
        if (next != status || !Objects.equals(reason, statusReason)) {
            status = next;
            // A reason explains error and suspension; other states carry none.
            statusReason = next == VmStatus.ERROR || next == VmStatus.SUSPENDED ? reason : null;
            updatedAt = at;
        }
        return status;
    }

    /** Checks an event without applying it: used before calling PVE. */
    public void requireAllowed(VmEvent event) {
        if (VmLifecycle.next(status, event).isEmpty()) {
            throw new StateConflictException("error.vm.illegal_transition",
                    "Cannot " + event.name().toLowerCase() + " a VM that is " + status.wireName(),
                    status.wireName(), event.name().toLowerCase(), status.wireName());
        }
    }

    public boolean allows(VmEvent event) {
        return VmLifecycle.next(status, event).isPresent();
    }

    public void place(Placement placement, List<String> ipAddresses, Instant at) {
        this.placement = Objects.requireNonNull(placement, "placement");
        this.ipAddresses = List.copyOf(ipAddresses);
        this.updatedAt = at;
    }

    public void rename(Hostname hostname, Instant at) {
        this.hostname = Objects.requireNonNull(hostname, "hostname");
        this.updatedAt = at;
    }

    public void changePlan(UUID planId, ResourceSpec spec, Instant at) {
        this.planId = Objects.requireNonNull(planId, "planId");
        this.spec = Objects.requireNonNull(spec, "spec");
        this.updatedAt = at;
    }

    public void changeTemplate(UUID templateId, Instant at) {
        this.templateId = templateId;
        this.updatedAt = at;
    }

    public boolean isOwnedBy(UUID userId) {
        return ownerId.equals(userId);
    }

    /** The tag Proxima puts on the guest in PVE, so a reused vmid is never mistaken for ours. */
    public String pveTag() {
        return ownershipTag(id);
    }

    public static String ownershipTag(VmId id) {
        return "proxima-" + id.value();
    }

    public VmId id() {
        return id;
    }

    public UUID ownerId() {
        return ownerId;
    }

    public GuestType type() {
        return type;
    }

    public Hostname hostname() {
        return hostname;
    }

    public UUID planId() {
        return planId;
    }

    public UUID templateId() {
        return templateId;
    }

    public ResourceSpec spec() {
        return spec;
    }

    public Optional<Placement> placement() {
        return Optional.ofNullable(placement);
    }

    public List<String> ipAddresses() {
        return ipAddresses;
    }

    public VmStatus status() {
        return status;
    }

    public String statusReason() {
        return statusReason;
    }

    public long version() {
        return version;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
