package io.proxima.adapter.in.rest.vm;

import io.proxima.application.user.port.in.AuthenticateUseCase;
import io.proxima.application.user.port.in.AuthenticatedPrincipal;
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
 * header (seed 003), or, for browsers that cannot set headers on a WebSocket, a {@code token}
 * query parameter. Owner or admin only; refusals close with 4401 (no/invalid token) or 4404
 * (not found / not yours).
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

    private final Map<String, Long> timers = new ConcurrentHashMap<>();

    @OnOpen
    public void onOpen(WebSocketConnection connection) {
        Actor actor;
        try {
            actor = actor(connection);
        } catch (RuntimeException e) {
            close(connection, 4401, "authentication required");
            return;
        }
        UUID vmId;
        try {
            vmId = UUID.fromString(connection.pathParam("id"));
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
            cancel(connection);
        }
    }

    @OnClose
    public void onClose(WebSocketConnection connection) {
        cancel(connection);
    }

    private void cancel(WebSocketConnection connection) {
        Long timer = timers.remove(connection.id());
        if (timer != null) {
            vertx.cancelTimer(timer);
        }
    }

    private Actor actor(WebSocketConnection connection) {
        String header = connection.handshakeRequest().header("Authorization");
        String token = null;
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            token = header.substring(7).trim();
        }
        if (token == null || token.isEmpty()) {
            token = VmConsoleSocket.queryParam(connection.handshakeRequest().query(), "token");
        }
        if (token == null || token.isEmpty()) {
            throw new IllegalStateException("no token");
        }
        AuthenticatedPrincipal p = authenticate.bearer(token);
        return new Actor(p.userId().value(), p.effectiveRole() == Role.ADMIN);
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
