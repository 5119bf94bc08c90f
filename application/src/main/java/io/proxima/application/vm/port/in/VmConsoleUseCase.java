package io.proxima.application.vm.port.in;

import io.proxima.application.hypervisor.port.out.ConsoleTransport;
import io.proxima.application.user.port.in.SessionValidityUseCase.SessionRef;
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

        /** The session that obtained the ticket: the socket re-checks it and closes when it ends. */
        SessionRef session();

        CompletionStage<ConsoleTransport.Channel> connect(ConsoleTransport.Sink sink);

        @Override
        void close();
    }

    /** A redeemed metrics-stream ticket: who may watch, and the session to re-check. */
    record StreamGrant(Actor actor, SessionRef session) {
    }

    /** Owner/admin, VM running: issues a token valid for the configured time, bound to {@code session}. */
    ConsoleLink issue(VmId id, Actor actor, SessionRef session);

    /** Owner/admin: a one-time ticket for the VM's metrics WebSocket, the same kind as the console's. */
    ConsoleLink issueMetricsTicket(VmId id, Actor actor, SessionRef session);

    /** Consumes a metrics-stream ticket (single use, any instance); NotFound when bad, used or expired. */
    StreamGrant redeemMetricsTicket(VmId id, String ticket);

    /**
     * Consumes the token (single use, any instance), checks the VM and the user's session limit
     * and asks PVE for a console ticket. NotFound for a bad or used token, conflict at the limit.
     */
    Session open(VmId id, String token);
}
