package io.proxima.bootstrap.vm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;

import io.proxima.adapter.out.proxmox.simulator.PveSimulatorEndpoint;
import io.proxima.adapter.out.proxmox.simulator.SimulatedPveCluster;
import io.proxima.application.node.port.in.NodeAdministrationUseCase;
import io.proxima.application.vm.service.VmConsoleService;
import io.proxima.bootstrap.identity.IdentityApi;
import io.proxima.bootstrap.identity.IdentityApi.Account;
import io.proxima.bootstrap.support.GreenMailResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The console (one-time URL + WebSocket relay to PVE's vncwebsocket) and the metrics stream. */
@QuarkusTest
@QuarkusTestResource(GreenMailResource.class)
class VmStreamsFlowTest {

    @Inject
    SimulatedPveCluster cluster;

    @Inject
    OperationsDrain operations;

    @Inject
    NodeAdministrationUseCase nodes;

    @Inject
    VmConsoleService consoles;

    @Inject
    Vertx vertx;

    private final List<WebSocketClient> clients = new ArrayList<>();

    @AfterEach
    void closeClients() {
        clients.forEach(WebSocketClient::close);
    }

    private PveSimulatorEndpoint sim() {
        return cluster.endpoint().orElseThrow();
    }

    private void drain() {
        operations.drain();
    }

    /** A client connection: messages as strings (binary decoded as UTF-8), the close code when closed. */
    private static final class Client {
        final BlockingQueue<String> messages = new LinkedBlockingQueue<>();
        final CompletableFuture<Short> closed = new CompletableFuture<>();
        WebSocket ws;

        String next() throws InterruptedException {
            String m = messages.poll(10, TimeUnit.SECONDS);
            assertThat(m).as("a message within 10 s").isNotNull();
            return m;
        }

        /** Reads messages until the echo of {@code sent} arrives (10 s at most). */
        void awaitEcho(byte[] sent) throws InterruptedException {
            String want = new String(sent, StandardCharsets.UTF_8);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (System.nanoTime() < deadline) {
                String m = messages.poll(200, TimeUnit.MILLISECONDS);
                if (want.equals(m)) {
                    return;
                }
            }
            throw new AssertionError("no echo of " + java.util.Arrays.toString(sent) + " within 10 s");
        }

        short closeCode() throws Exception {
            return closed.get(10, TimeUnit.SECONDS);
        }
    }

    private Client connect(String absoluteUrl, String bearer) throws Exception {
        WebSocketClient client = vertx.createWebSocketClient();
        clients.add(client);
        WebSocketConnectOptions o = new WebSocketConnectOptions().setAbsoluteURI(absoluteUrl);
        if (bearer != null) {
            o.putHeader("Authorization", "Bearer " + bearer);
        }
        Client c = new Client();
        // Handlers are set on the connection's event loop as it completes, so nothing arrives
        // unseen; a socket the server already closed (a refusal) reports its close code directly.
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
        VmFixtures.Catalog c = VmFixtures.catalog(admin, sim(), 1024, 1, "0.10");
        nodes.heartbeatAll();
        Response accepted = owner.as().contentType(ContentType.JSON).body(VmFixtures.order(c, hostname)).post("/api/v1/vms");
        assertThat(accepted.statusCode()).as(accepted.asString()).isEqualTo(202);
        String vmId = accepted.path("data.vm.id");
        drain();
        owner.as().get("/api/v1/vms/" + vmId).then().statusCode(200).body("data.status", is("running"));
        return vmId;
    }

    @Test
    void console_url_is_single_use_relays_bytes_and_is_limited_per_user() throws Exception {
        Account admin = IdentityApi.admin();
        Account owner = VmFixtures.customerWithBalance(admin, "10.00");
        Account stranger = VmFixtures.customerWithBalance(admin, null);
        String vmId = runningVm(admin, owner, "console-1");
        UUID ownerId = UUID.fromString(owner.id());

        VmFixtures.assertEnvelope(stranger.as().post("/api/v1/vms/" + vmId + "/console"), 404, 40401);
        Response link = owner.as().post("/api/v1/vms/" + vmId + "/console");
        assertThat(link.statusCode()).as(link.asString()).isEqualTo(200);
        String url = link.path("data.url");
        assertThat(url).startsWith("ws://").contains("/api/v1/vms/" + vmId + "/console?token=");
        assertThat((String) link.path("data.expires_at")).isNotBlank();

        // Bytes both ways: the simulated VNC server greets, then echoes.
        Client c = connect(url, null);
        c.ws.writeBinaryMessage(Buffer.buffer(new byte[] {1, 2, 3}));
        // The server's greeting may reach the socket before the test client's handler is attached;
        // what matters is that bytes travel both ways, so wait for the echo of ours.
        c.awaitEcho(new byte[] {1, 2, 3});
        assertThat(consoles.openSessions(ownerId)).isEqualTo(1);
        c.ws.close();
        c.closeCode();
        for (int i = 0; i < 50 && consoles.openSessions(ownerId) > 0; i++) {
            Thread.sleep(100);
        }
        assertThat(consoles.openSessions(ownerId)).isZero();

        // Single use, and only with the right token.
        assertThat(connect(url, null).closeCode()).isEqualTo((short) 4404);
        assertThat(connect(base() + "/api/v1/vms/" + vmId + "/console?token=forged", null).closeCode()).isEqualTo((short) 4404);

        // At most 5 at once per user.
        List<Client> open = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Client s = connect(owner.as().post("/api/v1/vms/" + vmId + "/console").path("data.url"), null);
            s.ws.writeBinaryMessage(Buffer.buffer(new byte[] {7}));
            s.awaitEcho(new byte[] {7});
            open.add(s);
        }
        Client sixth = connect(owner.as().post("/api/v1/vms/" + vmId + "/console").path("data.url"), null);
        assertThat(sixth.closeCode()).isEqualTo((short) 4409);
        open.get(0).ws.close();
        open.get(0).closeCode();
        for (int i = 0; i < 50 && consoles.openSessions(ownerId) > 4; i++) {
            Thread.sleep(100);
        }
        Client again = connect(owner.as().post("/api/v1/vms/" + vmId + "/console").path("data.url"), null);
        again.ws.writeBinaryMessage(Buffer.buffer(new byte[] {9}));
        again.awaitEcho(new byte[] {9});
        open.add(again);
        for (Client s : open) {
            s.ws.close();
        }

        // A stopped VM has no console.
        owner.as().post("/api/v1/vms/" + vmId + "/stop").then().statusCode(200);
        VmFixtures.assertEnvelope(owner.as().post("/api/v1/vms/" + vmId + "/console"), 409, 40902);
    }

    @Test
    void metrics_stream_sends_seed_003_messages_to_the_owner_only() throws Exception {
        Account admin = IdentityApi.admin();
        Account owner = VmFixtures.customerWithBalance(admin, "10.00");
        Account stranger = VmFixtures.customerWithBalance(admin, null);
        String vmId = runningVm(admin, owner, "metrics-1");
        String url = base() + "/api/v1/vms/" + vmId + "/metrics/stream";

        Client c = connect(url, owner.accessToken());
        JsonObject first = new JsonObject(c.next());
        JsonObject second = new JsonObject(c.next());
        for (JsonObject m : List.of(first, second)) {
            assertThat(m.fieldNames()).containsExactlyInAnyOrder("timestamp", "cpu_percent", "memory_percent",
                    "disk_percent", "network_in", "network_out");
        }
        c.ws.close();

        // Browsers use a one-time ticket (issue 11: never the access token in the URL); an admin sees any VM.
        String ticketUrl = admin.as().post("/api/v1/vms/" + vmId + "/metrics/ticket").path("data.url");
        Client q = connect(ticketUrl, null);
        assertThat(new JsonObject(q.next()).containsKey("cpu_percent")).isTrue();
        q.ws.close();
        assertThat(connect(url + "?token=" + admin.accessToken(), null).closeCode()).isEqualTo((short) 4401);

        assertThat(connect(url, stranger.accessToken()).closeCode()).isEqualTo((short) 4404);
        assertThat(connect(url, null).closeCode()).isEqualTo((short) 4401);
        assertThat(connect(url, "not-a-token").closeCode()).isEqualTo((short) 4401);
    }
}
