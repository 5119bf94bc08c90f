package io.proxima.application.vm.port.in;

import io.proxima.domain.vm.Operation;
import io.proxima.domain.vm.Vm;
import io.proxima.domain.vm.VmId;
import java.util.Locale;
import java.util.UUID;

/** Power actions, suspension and deletion of a VM, by its owner or an administrator. */
public interface VmActionsUseCase {

    /** Who acts: a customer may only act on their own VMs (others' are 404), staff on any. */
    record Actor(UUID userId, boolean admin) {
    }

    enum PowerCommand {
        START, STOP, SHUTDOWN, RESTART, PAUSE, RESUME;

        /** Seed 001 spells resume {@code unpause}. */
        public static PowerCommand parse(String raw) {
            if (raw != null) {
                String v = raw.trim().toLowerCase(Locale.ROOT);
                if (v.equals("unpause")) {
                    return RESUME;
                }
                if (v.equals("reboot")) {
                    return RESTART;
                }
                for (PowerCommand c : values()) {
                    if (c.name().toLowerCase(Locale.ROOT).equals(v)) {
                        return c;
                    }
                }
            }
            throw io.proxima.domain.shared.ValidationException.of("action", "validation.vm_action",
                    "must be one of start, stop, shutdown, restart, pause, resume");
        }
    }

    /** Runs the action in PVE, waits for its task and returns the VM in its new state. */
    Vm power(VmId id, PowerCommand command, Actor actor);

    /** Admin or billing: stops the guest and keeps it stopped until unsuspended. */
    Vm suspend(VmId id, String reason, Actor actor);

    Vm unsuspend(VmId id, Actor actor);

    /** Starts the deletion operation (202); the VM goes to {@code deleting}. */
    Operation delete(VmId id, Actor actor);
}
