package io.proxima.bootstrap.billing;

import io.proxima.application.billing.port.out.ServiceControl;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/** In-memory fake of the VM context: records what billing asked for. */
@ApplicationScoped
public class RecordingServiceControl implements ServiceControl {

    public record Call(String action, UUID userId) {
    }

    private final List<Call> calls = new CopyOnWriteArrayList<>();

    @Override
    public void suspendAllOf(UUID userId, String reason) {
        calls.add(new Call("suspend", userId));
    }

    @Override
    public void unsuspendAllOf(UUID userId) {
        calls.add(new Call("unsuspend", userId));
    }

    @Override
    public void terminateAllOf(UUID userId) {
        calls.add(new Call("terminate", userId));
    }

    public List<String> actionsFor(UUID userId) {
        return calls.stream().filter(c -> c.userId().equals(userId)).map(Call::action).toList();
    }
}
