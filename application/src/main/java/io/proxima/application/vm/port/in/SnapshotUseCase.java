package io.proxima.application.vm.port.in;

import io.proxima.application.hypervisor.port.out.Snapshot;
import io.proxima.application.vm.port.in.VmActionsUseCase.Actor;
import io.proxima.domain.vm.Operation;
import java.util.List;
import java.util.UUID;

/** Snapshots of a VM (seed 001), limited by its plan. Changes run as operations (202). */
public interface SnapshotUseCase {

    List<Snapshot> list(UUID vmId, Actor actor);

    Operation create(UUID vmId, String name, String description, Actor actor);

    Operation delete(UUID vmId, String name, Actor actor);

    Operation rollback(UUID vmId, String name, Actor actor);
}
