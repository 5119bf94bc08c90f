package io.proxima.bootstrap.billing;

import io.proxima.application.billing.port.out.ServiceControl;
import io.proxima.application.vm.service.VmServiceControl;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records what billing asked of the VM context, then lets the real VM context carry it out. */
@Alternative
@Priority(1)
@ApplicationScoped
public class RecordingServiceControl implements ServiceControl {

    public record Call(String action, UUID userId) {
    }

    private final List<Call> calls = new CopyOnWriteArrayList<>();

    @Inject
    VmServiceControl real;

    @Override
    public void suspendAllOf(UUID userId, String reason) {
        calls.add(new Call("suspend", userId));
        real.suspendAllOf(userId, reason);
    }

    @Override
    public void unsuspendAllOf(UUID userId) {
        calls.add(new Call("unsuspend", userId));
        real.unsuspendAllOf(userId);
    }

    @Override
    public void terminateAllOf(UUID userId) {
        calls.add(new Call("terminate", userId));
        real.terminateAllOf(userId);
    }

    public List<String> actionsFor(UUID userId) {
        return calls.stream().filter(c -> c.userId().equals(userId)).map(Call::action).toList();
    }
}
