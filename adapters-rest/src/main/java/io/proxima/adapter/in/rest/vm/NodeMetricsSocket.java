package io.proxima.adapter.in.rest.vm;

import io.proxima.application.monitoring.port.in.MetricsQueryUseCase;
import io.proxima.application.monitoring.port.out.MetricStore.Sample;
import io.proxima.application.node.port.in.NodeAdministrationUseCase;
import io.proxima.application.user.port.in.AuthenticateUseCase;
import io.proxima.application.user.port.in.AuthenticatedPrincipal;
import io.proxima.application.vm.VmStreamSettings;
import io.proxima.domain.shared.NotFoundException;
import io.proxima.domain.user.Role;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.OnClose;
import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;
import io.vertx.core.Vertx;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code WS /api/v1/nodes/{id}/metrics/stream} (seed 003's server stream), administrators only:
 * seed 003's metrics message from the metrics pipeline's newest sample, at once and whenever a
 * newer cycle has stored one. No socket ever calls PVE. The access token goes in the upgrade
 * request's {@code Authorization: Bearer} header only (a token in the URL would land in proxy
 * logs). The socket is registered with {@link LiveSockets}, so it closes (4401) within seconds of
 * the session ending. Closes 4401 without a valid token, 4403 for non-administrators, 4404 for an
 * unknown node, 4409 over the per-user socket limit.
 */
@WebSocket(path = "/api/v1/nodes/{id}/metrics/stream")
public class NodeMetricsSocket {

    @Inject
    AuthenticateUseCase authenticate;

    @Inject
    NodeAdministrationUseCase nodes;

    @Inject
    MetricsQueryUseCase metrics;

    @Inject
    VmStreamSettings settings;

    @Inject
    Vertx vertx;

    @Inject
    LiveSockets live;

    private final Map<String, Long> timers = new ConcurrentHashMap<>();

    @OnOpen
    public void onOpen(WebSocketConnection connection) {
        AuthenticatedPrincipal p;
        try {
            p = principal(connection);
        } catch (RuntimeException e) {
            close(connection, 4401, "authentication required");
            return;
        }
        if (p.effectiveRole() != Role.ADMIN) {
            close(connection, 4403, "administrators only");
            return;
        }
        UUID nodeId;
        try {
            nodeId = UUID.fromString(connection.pathParam("id"));
            nodes.get(nodeId);
        } catch (IllegalArgumentException | NotFoundException e) {
            close(connection, 4404, "node not found");
            return;
        }
        if (!live.register(connection.id(), io.proxima.application.user.port.in.SessionValidityUseCase.SessionRef.of(p), () -> {
            cancel(connection);
            close(connection, LiveSockets.SESSION_ENDED, "session ended");
        })) {
            close(connection, 4409, "At most " + live.maxPerUser() + " WebSockets may be open at once");
            return;
        }
        Instant[] last = {null};
        sendIfNewer(connection, nodeId, last);
        long period = Math.max(100, settings.metricsInterval().toMillis());
        long timer = vertx.setPeriodic(period, id -> vertx.executeBlocking(() -> {
            if (!connection.isOpen()) {
                cancel(connection);
                return null;
            }
            try {
                sendIfNewer(connection, nodeId, last);
            } catch (RuntimeException e) {
                // database hiccup: the next tick tries again
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
        live.unregister(connection.id());
        cancel(connection);
    }

    private void sendIfNewer(WebSocketConnection connection, UUID nodeId, Instant[] last) {
        Sample s = metrics.latest("node", nodeId).orElse(null);
        if (s == null || last[0] != null && !s.at().isAfter(last[0])) {
            return;
        }
        last[0] = s.at();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("timestamp", s.at().toString());
        m.put("cpu_percent", round(s.cpu() == null ? 0 : s.cpu()));
        m.put("memory_percent", round(s.memoryPercent() == null ? 0 : s.memoryPercent()));
        m.put("disk_percent", round(s.diskPercent() == null ? 0 : s.diskPercent()));
        m.put("network_in", s.netInRate() == null ? 0 : Math.round(s.netInRate()));
        m.put("network_out", s.netOutRate() == null ? 0 : Math.round(s.netOutRate()));
        connection.sendTextAndAwait(io.vertx.core.json.Json.encode(m));
    }

    private void cancel(WebSocketConnection connection) {
        Long timer = timers.remove(connection.id());
        if (timer != null) {
            vertx.cancelTimer(timer);
        }
    }

    private AuthenticatedPrincipal principal(WebSocketConnection connection) {
        String header = connection.handshakeRequest().header("Authorization");
        String token = null;
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            token = header.substring(7).trim();
        }
        if (token == null || token.isEmpty()) {
            throw new IllegalStateException("no token");
        }
        return authenticate.bearer(token);
    }

    private static double round(double v) {
        return Math.round(v * 100.0) / 100.0;
    }

    private static void close(WebSocketConnection connection, int code, String reason) {
        connection.close(new CloseReason(code, reason)).subscribe().with(v -> { }, e -> { });
    }
}
