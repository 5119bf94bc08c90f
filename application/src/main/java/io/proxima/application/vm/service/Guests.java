package io.proxima.application.vm.service;

import io.proxima.application.hypervisor.port.out.GuestRef;
import io.proxima.application.hypervisor.port.out.GuestType;
import io.proxima.domain.vm.Vm;

/** The one mapping from a VM to its guest's address in PVE. */
final class Guests {

    private Guests() {
    }

    static GuestType typeOf(Vm vm) {
        return vm.type() == io.proxima.domain.vm.GuestType.QEMU ? GuestType.QEMU : GuestType.LXC;
    }

    static GuestRef at(Vm vm, String pveNode, int vmid) {
        return new GuestRef(pveNode, vmid, typeOf(vm));
    }
}
