package io.proxima.application.vm.port.out;

import io.proxima.application.shared.Page;
import io.proxima.application.shared.PageRequest;
import io.proxima.domain.vm.Operation;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Read models of VMs and operations for lists and details, projected straight from rows. */
public interface VmReadRepository {

    /** A VM as clients see it (SPEC section 4 field set). */
    record VmView(UUID id, Integer vmid, String node, UUID nodeId, String hostname, String type, String status,
                  String statusReason, int cpuCores, int memoryMb, int diskGb, UUID planId, UUID templateId,
                  List<String> ipAddresses, UUID ownerId, Instant createdAt, Instant updatedAt, long version) {
    }

    /** List filters; null means "any". {@code ownerId} is forced to the caller for customers. */
    record VmFilter(UUID ownerId, UUID nodeId, String status, String type, String search, boolean includeDeleted) {
    }

    Page<VmView> list(VmFilter filter, PageRequest page, String sort);

    Optional<VmView> find(UUID id);

    /** Operations, newest first; {@code vmId} or {@code ownerId} narrow the list (null = any). */
    Page<Operation> operations(UUID vmId, UUID ownerId, String type, String status, PageRequest page);

    /** vmids held by live guests on any node of the same PVE cluster (same API endpoint) as {@code nodeId}. */
    java.util.Set<Integer> vmidsInCluster(UUID nodeId);

    /** Guests Proxima placed on these nodes (vmid known, not deleted), for reconciliation. */
    List<VmView> placedOn(java.util.Collection<UUID> nodeIds);

    /** Ids of VMs with an unfinished operation: reconciliation leaves them to their operation. */
    java.util.Set<UUID> busyVms();

    /** The operation with the owner of its VM, for access checks. */
    Optional<OwnedOperation> operation(UUID id);

    record OwnedOperation(Operation operation, UUID ownerId) {
    }
}
