package io.proxima.application.vm.port.in;

import io.proxima.domain.vm.Operation;
import io.proxima.domain.vm.Vm;
import java.util.List;
import java.util.UUID;

/** A customer orders a VM or container; provisioning continues asynchronously. */
public interface CreateVmUseCase {

    /** The order as received; validated by the use case, every bad field reported at once. */
    record CreateVmCommand(UUID ownerId, String hostname, UUID planId, UUID templateId, List<String> sshKeys,
                           String password, String location, String idempotencyKey) {
    }

    /** {@code replayed}: an earlier request with the same Idempotency-Key and body created it. */
    record Accepted(Vm vm, Operation operation, boolean replayed) {
    }

    Accepted create(CreateVmCommand command);
}
