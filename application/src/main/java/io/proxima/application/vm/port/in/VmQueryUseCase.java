package io.proxima.application.vm.port.in;

import io.proxima.application.shared.Page;
import io.proxima.application.shared.PageRequest;
import io.proxima.application.vm.port.in.VmActionsUseCase.Actor;
import io.proxima.application.vm.port.out.VmReadRepository.VmFilter;
import io.proxima.application.vm.port.out.VmReadRepository.VmView;
import io.proxima.domain.vm.Operation;
import java.util.UUID;

/** Reads of VMs and their operations, scoped to what the actor may see. */
public interface VmQueryUseCase {

    Page<VmView> list(VmFilter filter, PageRequest page, String sort, Actor actor);

    VmView get(UUID id, Actor actor);

    Page<Operation> operations(UUID vmId, String type, String status, PageRequest page, Actor actor);

    Operation operation(UUID id, Actor actor);
}
