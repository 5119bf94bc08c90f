package io.proxima.application.vm.service;

import io.proxima.application.hypervisor.PveGuestNotOursException;
import io.proxima.application.hypervisor.port.out.GuestConfig;
import io.proxima.application.hypervisor.port.out.GuestRef;
import io.proxima.application.hypervisor.port.out.GuestType;
import io.proxima.application.hypervisor.port.out.Hypervisor;
import io.proxima.application.hypervisor.port.out.PveNodeConnection;
import io.proxima.domain.vm.Vm;
import java.util.UUID;

/**
 * The one mapping from a VM to its guest's address in PVE, and the ownership check made before
 * every write to a guest and before its console, metrics or config are shown: PVE reuses vmids,
 * so a guest at the VM's address is only the VM's own when it carries the VM's Proxima id.
 */
final class Guests {

    private Guests() {
    }

    static GuestType typeOf(Vm vm) {
        return vm.type() == io.proxima.domain.vm.GuestType.QEMU ? GuestType.QEMU : GuestType.LXC;
    }

    static GuestRef at(Vm vm, String pveNode, int vmid) {
        return new GuestRef(pveNode, vmid, typeOf(vm));
    }

    /** Reads the guest's config and returns it if it carries {@code proximaVmId}; throws {@link PveGuestNotOursException} otherwise. */
    static GuestConfig requireOwned(Hypervisor hypervisor, PveNodeConnection conn, GuestRef guest, UUID proximaVmId) {
        return requireOwned(hypervisor.config(conn, guest), proximaVmId);
    }

    static GuestConfig requireOwned(GuestConfig config, UUID proximaVmId) {
        if (!proximaVmId.equals(config.proximaVmId())) {
            throw new PveGuestNotOursException(config.ref().node(), config.ref().vmid(), proximaVmId, config.proximaVmId());
        }
        return config;
    }
}
