package io.proxima.application.vm.port.in;

import io.proxima.application.vm.port.in.VmActionsUseCase.Actor;
import io.proxima.domain.vm.Operation;
import io.proxima.domain.vm.Vm;
import io.proxima.domain.vm.VmId;
import java.util.List;
import java.util.UUID;

/** Changes to an existing VM that run as operations: migrate, rename / change plan, reinstall. */
public interface VmMaintenanceUseCase {

    /** The VM and, when PVE work is needed, the operation doing it (null for a rename only). */
    record Changed(Vm vm, Operation operation) {
    }

    /** {@code version} is the VM version the client last saw; null skips the check. */
    record UpdateVmCommand(String hostname, UUID planId, Long version) {
    }

    record ReinstallCommand(UUID templateId, Boolean confirm, List<String> sshKeys, String password) {
    }

    /** Admin: moves the guest to another node of the same cluster (live when running). */
    Changed migrate(VmId id, UUID targetNodeId, Actor actor);

    /** Rename (synchronous) and/or change plan (a RESIZE operation). */
    Changed update(VmId id, UpdateVmCommand command, Actor actor);

    /** Destroys the guest and provisions it again from a template, same node and address. */
    Changed reinstall(VmId id, ReinstallCommand command, Actor actor);
}
