package io.proxima.adapter.out.proxmox;

import io.proxima.application.hypervisor.PveUnreachableException;
import io.proxima.application.hypervisor.port.out.ConsoleTicket;
import io.proxima.application.hypervisor.port.out.ConsoleTransport;
import io.proxima.application.hypervisor.port.out.PveCredentials;
import io.proxima.application.hypervisor.port.out.PveNodeConnection;
import io.proxima.application.hypervisor.port.out.PveTlsTrust;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.net.PemTrustOptions;
import io.vertx.core.net.TrustOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * Opens PVE's {@code vncwebsocket} with a Vert.x WebSocket client: the node's API token in the
 * {@code Authorization} header and the same TLS trust rule as the REST client (pinned
 * fingerprint, CA file, system, or the explicit insecure flag). One client per session, closed
 * with it.
 */
@ApplicationScoped
public class VertxConsoleTransport implements ConsoleTransport {

    private static final Logger LOG = Logger.getLogger(VertxConsoleTransport.class);
    private static final int MAX_FRAME = 1 << 20;

    private final Vertx vertx;

    @Inject
    public VertxConsoleTransport(Vertx vertx) {
        this.vertx = vertx;
    }

    @Override
    public CompletionStage<Channel> open(PveNodeConnection conn, ConsoleTicket ticket, Sink sink) {
        if (!(conn.credentials() instanceof PveCredentials.ApiToken token)) {
            throw new PveUnreachableException("the console needs the node to be connected with an API token", 0);
        }
        WebSocketClientOptions o = new WebSocketClientOptions().setConnectTimeout(10_000)
                .setMaxFrameSize(MAX_FRAME).setMaxMessageSize(MAX_FRAME * 4);
        if (conn.isHttps()) {
            o.setSsl(true);
            PveTlsTrust tls = conn.tls();
            switch (tls.mode()) {
                case PINNED_FINGERPRINT -> o.setTrustOptions(TrustOptions.wrap(new PveTls.PinnedTrustManager(tls.sha256Fingerprint())))
                        .setVerifyHost(false);
                case CA_FILE -> o.setTrustOptions(new PemTrustOptions().addCertPath(tls.caFile())).setVerifyHost(true);
                case INSECURE -> o.setTrustAll(true).setVerifyHost(false);
                case SYSTEM -> o.setVerifyHost(true);
            }
        }
        WebSocketClient client = vertx.createWebSocketClient(o);
        String type = ticket.guest().type().name().toLowerCase(java.util.Locale.ROOT);
        String uri = "/api2/json/nodes/" + ticket.guest().node() + "/" + type + "/" + ticket.guest().vmid()
                + "/vncwebsocket?port=" + ticket.port() + "&vncticket=" + URLEncoder.encode(ticket.ticket(), StandardCharsets.UTF_8);
        int port = conn.baseUrl().getPort() > 0 ? conn.baseUrl().getPort() : (conn.isHttps() ? 443 : 80);
        WebSocketConnectOptions connect = new WebSocketConnectOptions().setHost(conn.baseUrl().getHost()).setPort(port)
                .setSsl(conn.isHttps()).setURI(uri)
                .putHeader("Authorization", "PVEAPIToken=" + token.tokenId() + "=" + token.secret());
        return client.connect(connect).<Channel>map(ws -> channel(ws, client, sink))
                .onFailure(e -> {
                    LOG.debugf(e, "vncwebsocket to %s failed", conn.baseUrl());
                    client.close();
                })
                .toCompletionStage();
    }

    private static Channel channel(WebSocket ws, WebSocketClient client, Sink sink) {
        AtomicBoolean closed = new AtomicBoolean();
        Runnable end = () -> {
            if (closed.compareAndSet(false, true)) {
                client.close();
                sink.closed();
            }
        };
        ws.binaryMessageHandler(b -> sink.binary(b.getBytes()));
        ws.textMessageHandler(sink::text);
        ws.closeHandler(v -> end.run());
        ws.exceptionHandler(e -> {
            LOG.debugf(e, "console websocket error");
            ws.close();
            end.run();
        });
        return new Channel() {
            @Override
            public void sendBinary(byte[] data) {
                if (!closed.get()) {
                    ws.writeBinaryMessage(Buffer.buffer(data));
                }
            }

            @Override
            public void sendText(String data) {
                if (!closed.get()) {
                    ws.writeTextMessage(data);
                }
            }

            @Override
            public void close() {
                if (!ws.isClosed()) {
                    ws.close();
                }
                end.run();
            }
        };
    }
}
