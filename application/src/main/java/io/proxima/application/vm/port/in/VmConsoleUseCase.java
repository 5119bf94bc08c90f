package io.proxima.application.vm.port.in;

import io.proxima.application.hypervisor.port.out.ConsoleTransport;
import io.proxima.application.vm.port.in.VmActionsUseCase.Actor;
import io.proxima.domain.vm.VmId;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CompletionStage;

/**
 * The VM console: a one-time token (POST), then a WebSocket that presents it and is joined to
 * PVE's {@code vncwebsocket}. At most a configured number of sessions per user at once.
 */
public interface VmConsoleUseCase {

    record ConsoleLink(String token, Instant expiresAt) {
    }

    /** An accepted console session; {@link #close()} must be called when it ends. */
    interface Session extends AutoCloseable {
        UUID userId();

        CompletionStage<ConsoleTransport.Channel> connect(ConsoleTransport.Sink sink);

        @Override
        void close();
    }

    /** Owner/admin, VM running: issues a token valid for the configured time. */
    ConsoleLink issue(VmId id, Actor actor);

    /**
     * Consumes the token (single use, any instance), checks the VM and the user's session limit
     * and asks PVE for a console ticket. NotFound for a bad or used token, conflict at the limit.
     */
    Session open(VmId id, String token);
}
