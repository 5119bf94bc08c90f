package io.proxima.adapter.in.rest.vm;

import io.proxima.application.user.port.in.AuthenticateUseCase;
import io.proxima.application.user.port.in.AuthenticatedPrincipal;
import io.proxima.application.user.port.in.SessionValidityUseCase;
import io.proxima.application.vm.port.in.VmConsoleUseCase;
import io.proxima.application.vm.VmStreamSettings;
import io.proxima.application.vm.port.in.VmActionsUseCase.Actor;
import io.proxima.application.vm.port.in.VmInsightUseCase;
import io.proxima.domain.shared.DomainException;
import io.proxima.domain.shared.NotFoundException;
import io.proxima.domain.user.Role;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.OnClose;
import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;
import io.vertx.core.Vertx;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * {@code WS /api/v1/vms/{id}/metrics/stream}: seed 003's metrics message ({@code timestamp},
 * {@code cpu_percent}, {@code memory_percent}, {@code disk_percent}, {@code network_in},
 * {@code network_out}) at once and then every {@code proxima.vm.metrics-stream.interval}.
 * Authentication: the access token in the upgrade request's {@code Authorization: Bearer}
 * header (seed 003), or, for browsers that cannot set headers on a WebSocket, a one-time
 * {@code ticket} from {@code POST /vms/{id}/metrics/ticket} (the console's mechanism: 60 s, single
 * use, any instance). An access token in the query string is refused: URLs land in proxy logs.
 * Owner or admin only; refusals close with 4401 (no/invalid credentials, or later: the session
 * ended, see {@link LiveSockets}), 4404 (not found / not yours), 4409 (too many sockets).
 */
@WebSocket(path = "/api/v1/vms/{id}/metrics/stream")
public class VmMetricsSocket {

    private static final Logger LOG = Logger.getLogger(VmMetricsSocket.class);

    @Inject
    AuthenticateUseCase authenticate;

    @Inject
    VmInsightUseCase insight;

    @Inject
    VmStreamSettings settings;

    @Inject
    Vertx vertx;

    @Inject
    VmConsoleUseCase tickets;

    @Inject
    LiveSockets live;

    private final Map<String, Long> timers = new ConcurrentHashMap<>();

    @OnOpen
    public void onOpen(WebSocketConnection connection) {
        UUID vmId;
        try {
            vmId = UUID.fromString(connection.pathParam("id"));
        } catch (IllegalArgumentException e) {
            close(connection, 4404, "VM not found");
            return;
        }
        VmConsoleUseCase.StreamGrant grant;
        try {
            grant = grant(connection, vmId);
        } catch (NotFoundException e) {
            close(connection, 4401, "authentication required (ticket invalid, used or expired)");
            return;
        } catch (RuntimeException e) {
            close(connection, 4401, "authentication required");
            return;
        }
        Actor actor = grant.actor();
        // One limit for consoles and streams together; counted before any data is sent.
        if (!live.register(connection.id(), grant.session(), () -> {
            cancel(connection);
            close(connection, LiveSockets.SESSION_ENDED, "session ended");
        })) {
            close(connection, 4409, "At most " + live.maxPerUser() + " WebSockets may be open at once");
            return;
        }
        try {
            send(connection, insight.stats(vmId, actor));
        } catch (IllegalArgumentException | NotFoundException e) {
            close(connection, 4404, "VM not found");
            return;
        } catch (DomainException e) {
            close(connection, 4409, e.getMessage());
            return;
        }
        long period = Math.max(100, settings.metricsInterval().toMillis());
        long timer = vertx.setPeriodic(period, id -> vertx.executeBlocking(() -> {
            if (!connection.isOpen()) {
                cancel(connection);
                return null;
            }
            try {
                send(connection, insight.stats(vmId, actor));
            } catch (NotFoundException gone) {
                close(connection, 4404, "VM not found");
            } catch (RuntimeException e) {
                // PVE hiccup: skip this tick, keep the stream
                LOG.debugf(e, "metrics of VM %s unavailable", vmId);
            }
            return null;
        }, false));
        timers.put(connection.id(), timer);
        if (!connection.isOpen()) {
            live.unregister(connection.id());
            cancel(connection);
        }
    }

    @OnClose
    public void onClose(WebSocketConnection connection) {
        live.unregister(connection.id());
        cancel(connection);
    }

    private void cancel(WebSocketConnection connection) {
        Long timer = timers.remove(connection.id());
        if (timer != null) {
            vertx.cancelTimer(timer);
        }
    }

    /** The bearer header (verified and revocation-checked), else the one-time ticket. */
    private VmConsoleUseCase.StreamGrant grant(WebSocketConnection connection, UUID vmId) {
        String header = connection.handshakeRequest().header("Authorization");
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            AuthenticatedPrincipal p = authenticate.bearer(header.substring(7).trim());
            return new VmConsoleUseCase.StreamGrant(new Actor(p.userId().value(), p.effectiveRole() == Role.ADMIN),
                    SessionValidityUseCase.SessionRef.of(p));
        }
        String ticket = VmConsoleSocket.queryParam(connection.handshakeRequest().query(), "ticket");
        if (ticket == null || ticket.isEmpty()) {
            throw new IllegalStateException("no credentials");
        }
        return tickets.redeemMetricsTicket(new io.proxima.domain.vm.VmId(vmId), ticket);
    }

    private static void send(WebSocketConnection connection, VmInsightUseCase.VmStats s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("timestamp", (s.timestamp() == null ? java.time.Instant.now() : s.timestamp()).toString());
        m.put("cpu_percent", round(s.cpuUsage()));
        m.put("memory_percent", round(s.memoryUsage()));
        // PVE reports no filesystem usage for QEMU guests without the agent: 0 then.
        m.put("disk_percent", 0.0);
        m.put("network_in", s.netIn());
        m.put("network_out", s.netOut());
        connection.sendTextAndAwait(io.vertx.core.json.Json.encode(m));
    }

    private static double round(double v) {
        return Math.round(v * 100.0) / 100.0;
    }

    private static void close(WebSocketConnection connection, int code, String reason) {
        connection.close(new CloseReason(code, reason == null ? "" : reason.length() > 120 ? reason.substring(0, 120) : reason))
                .subscribe().with(v -> { }, e -> { });
    }
}
