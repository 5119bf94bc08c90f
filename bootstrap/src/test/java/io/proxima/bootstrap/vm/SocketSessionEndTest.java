package io.proxima.bootstrap.vm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;

import io.proxima.adapter.in.rest.vm.LiveSockets;
import io.proxima.adapter.out.proxmox.simulator.PveSimulatorEndpoint;
import io.proxima.adapter.out.proxmox.simulator.SimulatedPveCluster;
import io.proxima.application.node.port.in.NodeAdministrationUseCase;
import io.proxima.bootstrap.identity.IdentityApi;
import io.proxima.bootstrap.identity.IdentityApi.Account;
import io.proxima.bootstrap.support.GreenMailResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Issue 11, items 2 and 7: an open console or metrics stream ends when the session that opened it
 * ends (logout, revocation, password change, user disabled, role change, key disabled), also when
 * the revocation happened elsewhere (written straight to the database, as another instance would);
 * WebSockets take one-time tickets, never an access token in the URL; one limit of 5 per user.
 */
@QuarkusTest
@QuarkusTestResource(GreenMailResource.class)
@Tag("security")
class SocketSessionEndTest {

    private static final Duration FEW_SECONDS = Duration.ofSeconds(10);

    @Inject
    SimulatedPveCluster cluster;

    @Inject
    OperationsDrain operations;

    @Inject
    NodeAdministrationUseCase nodes;

    @Inject
    LiveSockets live;

    @Inject
    DataSource dataSource;

    @Inject
    Vertx vertx;

    private final List<WebSocketClient> clients = new ArrayList<>();

    @AfterEach
    void closeClients() {
        clients.forEach(WebSocketClient::close);
    }

    private static final class Client {
        final BlockingQueue<String> messages = new LinkedBlockingQueue<>();
        final CompletableFuture<Short> closed = new CompletableFuture<>();
        WebSocket ws;

        String next() throws InterruptedException {
            String m = messages.poll(10, TimeUnit.SECONDS);
            assertThat(m).as("a message within 10 s").isNotNull();
            return m;
        }

        short closeCode() throws Exception {
            return closed.get(10, TimeUnit.SECONDS);
        }

        /** The socket is closed by the server with {@code code} within a few seconds. */
        void awaitClosedWith(int code) throws Exception {
            assertThat(closed.get(FEW_SECONDS.toSeconds(), TimeUnit.SECONDS)).isEqualTo((short) code);
        }

        boolean isOpen() {
            return !closed.isDone();
        }
    }

    private Client connect(String url, String bearer) throws Exception {
        WebSocketClient client = vertx.createWebSocketClient();
        clients.add(client);
        WebSocketConnectOptions o = new WebSocketConnectOptions().setAbsoluteURI(url);
        if (bearer != null) {
            o.putHeader("Authorization", "Bearer " + bearer);
        }
        Client c = new Client();
        c.ws = client.connect(o).map(ws -> {
            try {
                ws.binaryMessageHandler(b -> c.messages.add(b.toString(StandardCharsets.UTF_8)));
                ws.textMessageHandler(c.messages::add);
                ws.closeHandler(x -> c.closed.complete(ws.closeStatusCode()));
            } catch (IllegalStateException closed) {
                c.closed.complete(ws.closeStatusCode());
            }
            return ws;
        }).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        return c;
    }

    private static String base() {
        int port = ConfigProvider.getConfig().getOptionalValue("quarkus.http.test-port", Integer.class).orElse(8081);
        return "ws://localhost:" + port;
    }

    private String runningVm(Account admin, Account owner, String hostname) {
        PveSimulatorEndpoint sim = cluster.endpoint().orElseThrow();
        VmFixtures.Catalog c = VmFixtures.catalog(admin, sim, 1024, 1, "0.10");
        nodes.heartbeatAll();
        Response accepted = owner.as().contentType(ContentType.JSON).body(VmFixtures.order(c, hostname)).post("/api/v1/vms");
        assertThat(accepted.statusCode()).as(accepted.asString()).isEqualTo(202);
        String vmId = accepted.path("data.vm.id");
        operations.drain();
        owner.as().get("/api/v1/vms/" + vmId).then().statusCode(200).body("data.status", is("running"));
        return vmId;
    }

    private static String metricsUrl(Account a, String vmId) {
        Response r = a.as().post("/api/v1/vms/" + vmId + "/metrics/ticket");
        assertThat(r.statusCode()).as(r.asString()).isEqualTo(200);
        return r.path("data.url");
    }

    private Client stream(Account a, String vmId) throws Exception {
        Client c = connect(metricsUrl(a, vmId), null);
        c.next();
        return c;
    }

    private Client consoleOf(Account a, String vmId) throws Exception {
        Client c = connect(a.as().post("/api/v1/vms/" + vmId + "/console").path("data.url"), null);
        c.ws.writeBinaryMessage(Buffer.buffer(new byte[] {5}));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!"\u0005".equals(c.messages.poll(200, TimeUnit.MILLISECONDS))) {
            assertThat(System.nanoTime()).as("console echo within 10 s").isLessThan(deadline);
        }
        return c;
    }

    @Test
    void metrics_streams_take_tickets_and_end_with_their_session() throws Exception {
        Account admin = IdentityApi.admin();
        Account owner = VmFixtures.customerWithBalance(admin, "10.00");
        String vmId = runningVm(admin, owner, "wsend-1");
        String streamUrl = base() + "/api/v1/vms/" + vmId + "/metrics/stream";

        // The access token in the URL (where proxy logs keep it) is not accepted; a ticket works once.
        assertThat(connect(streamUrl + "?token=" + owner.accessToken(), null).closeCode()).isEqualTo((short) 4401);
        assertThat(connect(streamUrl + "?ticket=" + owner.accessToken(), null).closeCode()).isEqualTo((short) 4401);
        String url = metricsUrl(owner, vmId);
        assertThat(url).startsWith(base()).contains("?ticket=");
        // Issue 11 item 8: the URL comes from the configured public base URL, not from the Host header.
        String spoofed = owner.as().header("Host", "evil.example").post("/api/v1/vms/" + vmId + "/metrics/ticket").path("data.url");
        assertThat(spoofed).startsWith(base()).doesNotContain("evil.example");
        Client first = connect(url, null);
        first.next();
        assertThat(connect(url, null).closeCode()).as("a ticket is single use").isEqualTo((short) 4401);
        Account stranger = VmFixtures.customerWithBalance(admin, null);
        VmFixtures.assertEnvelope(stranger.as().post("/api/v1/vms/" + vmId + "/metrics/ticket"), 404, 40401);

        // Logout ends the stream opened by that session.
        owner.as().post("/api/v1/auth/logout").then().statusCode(200);
        first.awaitClosedWith(4401);

        // A revocation written by another instance (straight into the database, no cache on this one cleared).
        Account second = IdentityApi.loginAs(owner.username(), IdentityApi.PASSWORD);
        Client viaHeader = connect(streamUrl, second.accessToken());
        viaHeader.next();
        Client viaTicket = stream(second, vmId);
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "UPDATE refresh_token_families SET revoked_at = now(), revoke_reason = 'test' WHERE user_id = ?")) {
            ps.setObject(1, UUID.fromString(owner.id()));
            ps.executeUpdate();
        }
        viaHeader.awaitClosedWith(4401);
        viaTicket.awaitClosedWith(4401);

        // A password change ends the other sessions' streams, not the one that changed it.
        Account other = IdentityApi.loginAs(owner.username(), IdentityApi.PASSWORD);
        Account changer = IdentityApi.loginAs(owner.username(), IdentityApi.PASSWORD);
        Client otherStream = stream(other, vmId);
        Client changerStream = stream(changer, vmId);
        changer.as().contentType(ContentType.JSON)
                .body(Map.of("current_password", IdentityApi.PASSWORD, "new_password", "Brand-New-Passw0rd"))
                .put("/api/v1/account/password").then().statusCode(200);
        otherStream.awaitClosedWith(4401);
        changerStream.next();
        assertThat(changerStream.isOpen()).isTrue();

        // At most 5 WebSockets per user, streams included.
        List<Client> open = new ArrayList<>(List.of(changerStream));
        for (int i = 0; i < 4; i++) {
            open.add(stream(changer, vmId));
        }
        assertThat(live.openFor(UUID.fromString(owner.id()))).isEqualTo(5);
        assertThat(connect(metricsUrl(changer, vmId), null).closeCode()).isEqualTo((short) 4409);
        open.forEach(c -> c.ws.close());
        Awaitility.await().atMost(FEW_SECONDS).until(() -> live.openFor(UUID.fromString(owner.id())) == 0);

        // A ticket obtained with an API key ends when the key is disabled.
        Response key = changer.as().contentType(ContentType.JSON).body(Map.of("name", "mon", "scopes", List.of("read", "write")))
                .post("/api/v1/account/api-keys");
        String secret = key.path("data.key");
        String keyId = key.path("data.id");
        String keyUrl = RestAssured.given().header("X-API-Key", secret).post("/api/v1/vms/" + vmId + "/metrics/ticket").path("data.url");
        Client keyStream = connect(keyUrl, null);
        keyStream.next();
        changer.as().contentType(ContentType.JSON).body(Map.of("enabled", false)).patch("/api/v1/account/api-keys/" + keyId)
                .then().statusCode(200);
        keyStream.awaitClosedWith(4401);
    }

    @Test
    void consoles_end_when_the_user_is_disabled_or_the_role_changes() throws Exception {
        Account admin = IdentityApi.admin();
        Account owner = VmFixtures.customerWithBalance(admin, "10.00");
        String vmId = runningVm(admin, owner, "wsend-2");

        Client console = consoleOf(owner, vmId);
        Client metrics = stream(owner, vmId);
        admin.as().contentType(ContentType.JSON).body(Map.of("status", "disabled"))
                .put("/api/v1/users/" + owner.id() + "/status").then().statusCode(200);
        console.awaitClosedWith(4401);
        metrics.awaitClosedWith(4401);

        admin.as().contentType(ContentType.JSON).body(Map.of("status", "active"))
                .put("/api/v1/users/" + owner.id() + "/status").then().statusCode(200);
        Account again = IdentityApi.loginAs(owner.username(), IdentityApi.PASSWORD);
        Client console2 = consoleOf(again, vmId);
        admin.as().contentType(ContentType.JSON).body(Map.of("role", "support"))
                .put("/api/v1/users/" + owner.id()).then().statusCode(200);
        console2.awaitClosedWith(4401);
    }
}
