package io.proxima.application.vm.service;

import io.proxima.application.vm.port.in.VmActionsUseCase.Actor;
import io.proxima.application.vm.port.out.VmRepository;
import io.proxima.domain.shared.NotFoundException;
import io.proxima.domain.vm.Vm;
import io.proxima.domain.vm.VmId;
import io.proxima.domain.vm.VmStatus;

/** Loads a VM for an actor: another customer's VM, or a deleted one, does not exist for them. */
final class VmAccess {

    private VmAccess() {
    }

    static Vm load(VmRepository vms, VmId id, Actor actor) {
        Vm vm = vms.find(id).orElseThrow(() -> new NotFoundException("VM", id));
        if (!actor.admin() && (!vm.isOwnedBy(actor.userId()) || vm.status() == VmStatus.DELETED)) {
            throw new NotFoundException("VM", id);
        }
        return vm;
    }
}
