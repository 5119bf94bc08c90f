package io.proxima.adapter.in.rest.vm;

import io.proxima.application.hypervisor.port.out.ConsoleTransport;
import io.proxima.application.vm.port.in.VmConsoleUseCase;
import io.proxima.domain.shared.ConflictException;
import io.proxima.domain.shared.DomainException;
import io.proxima.domain.shared.NotFoundException;
import io.proxima.domain.vm.VmId;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.OnBinaryMessage;
import io.quarkus.websockets.next.OnClose;
import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.OnTextMessage;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.common.annotation.NonBlocking;
import io.vertx.core.buffer.Buffer;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * {@code WS /api/v1/vms/{id}/console?token=...}: presents the one-time token from
 * {@code POST /vms/{id}/console} (no bearer header needed: browsers cannot set one on a
 * WebSocket), then relays bytes both ways between the client and PVE's {@code vncwebsocket}.
 * Either side closing closes the other. Refusals close the socket with an application code:
 * 4404 bad/used/expired token or unknown VM, 4409 VM not running or too many sessions, 4502 PVE
 * unreachable; 4401 when the session that obtained the token ended (see {@link LiveSockets}).
 */
@WebSocket(path = "/api/v1/vms/{id}/console")
public class VmConsoleSocket {

    private static final Logger LOG = Logger.getLogger(VmConsoleSocket.class);

    @Inject
    VmConsoleUseCase console;

    @Inject
    LiveSockets live;

    private final Map<String, Relay> relays = new ConcurrentHashMap<>();

    /** One client connection: the PVE channel once open, what the client sent before that. */
    private static final class Relay {
        private final WebSocketConnection client;
        private VmConsoleUseCase.Session session;
        private ConsoleTransport.Channel channel;
        private final List<Object> pending = new ArrayList<>();
        private boolean closed;

        Relay(WebSocketConnection client) {
            this.client = client;
        }

        synchronized void toPve(Object message) {
            if (closed) {
                return;
            }
            if (channel == null) {
                pending.add(message);
            } else {
                send(channel, message);
            }
        }

        synchronized void connected(ConsoleTransport.Channel ch) {
            if (closed) {
                ch.close();
                return;
            }
            channel = ch;
            pending.forEach(m -> send(ch, m));
            pending.clear();
        }

        private static void send(ConsoleTransport.Channel ch, Object m) {
            if (m instanceof byte[] b) {
                ch.sendBinary(b);
            } else {
                ch.sendText((String) m);
            }
        }

        void close() {
            ConsoleTransport.Channel ch;
            synchronized (this) {
                if (closed) {
                    return;
                }
                closed = true;
                ch = channel;
            }
            if (ch != null) {
                ch.close();
            }
            if (session != null) {
                session.close();
            }
            if (client.isOpen()) {
                client.close().subscribe().with(v -> { }, e -> { });
            }
        }
    }

    @OnOpen
    public void onOpen(WebSocketConnection connection) {
        Relay relay = new Relay(connection);
        relays.put(connection.id(), relay);
        VmConsoleUseCase.Session session;
        try {
            VmId vm = new VmId(UUID.fromString(connection.pathParam("id")));
            session = console.open(vm, queryParam(connection.handshakeRequest().query(), "token"));
        } catch (IllegalArgumentException | NotFoundException e) {
            refuse(connection, 4404, "console token invalid, used or expired");
            return;
        } catch (ConflictException | io.proxima.domain.shared.StateConflictException e) {
            refuse(connection, 4409, e.getMessage());
            return;
        } catch (DomainException e) {
            refuse(connection, 4400, e.getMessage());
            return;
        } catch (RuntimeException e) {
            LOG.debugf(e, "console of %s could not be opened", connection.pathParam("id"));
            refuse(connection, 4502, "PVE console unavailable");
            return;
        }
        relay.session = session;
        if (!live.register(connection.id(), session.session(), () -> {
            refuse(connection, LiveSockets.SESSION_ENDED, "session ended");
            relay.close();
        })) {
            session.close();
            refuse(connection, 4409, "At most " + live.maxPerUser() + " WebSockets may be open at once");
            return;
        }
        try {
            ConsoleTransport.Channel channel = session.connect(new ConsoleTransport.Sink() {
                @Override
                public void binary(byte[] data) {
                    connection.sendBinary(Buffer.buffer(data)).subscribe().with(v -> { }, e -> relay.close());
                }

                @Override
                public void text(String data) {
                    connection.sendText(data).subscribe().with(v -> { }, e -> relay.close());
                }

                @Override
                public void closed() {
                    relay.close();
                }
            }).toCompletableFuture().get(15, TimeUnit.SECONDS);
            relay.connected(channel);
        } catch (Exception e) {
            LOG.debugf(e, "vncwebsocket for %s failed", connection.pathParam("id"));
            session.close();
            refuse(connection, 4502, "PVE console unavailable");
        }
    }

    @OnBinaryMessage
    @NonBlocking
    public void onBinary(WebSocketConnection connection, Buffer message) {
        Relay relay = relays.get(connection.id());
        if (relay != null) {
            relay.toPve(message.getBytes());
        }
    }

    @OnTextMessage
    @NonBlocking
    public void onText(WebSocketConnection connection, String message) {
        Relay relay = relays.get(connection.id());
        if (relay != null) {
            relay.toPve(message);
        }
    }

    @OnClose
    public void onClose(WebSocketConnection connection) {
        live.unregister(connection.id());
        Relay relay = relays.remove(connection.id());
        if (relay != null) {
            relay.close();
        }
    }

    private static void refuse(WebSocketConnection connection, int code, String reason) {
        String text = reason == null ? "" : reason.length() > 120 ? reason.substring(0, 120) : reason;
        connection.close(new CloseReason(code, text)).subscribe().with(v -> { }, e -> { });
    }

    static String queryParam(String query, String name) {
        if (query == null) {
            return null;
        }
        for (String part : query.split("&")) {
            int eq = part.indexOf('=');
            String key = eq < 0 ? part : part.substring(0, eq);
            if (key.equals(name)) {
                return eq < 0 ? "" : java.net.URLDecoder.decode(part.substring(eq + 1), java.nio.charset.StandardCharsets.UTF_8);
            }
        }
        return null;
    }
}
