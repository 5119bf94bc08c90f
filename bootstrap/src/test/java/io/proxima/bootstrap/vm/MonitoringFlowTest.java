package io.proxima.bootstrap.vm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;

import io.proxima.adapter.out.proxmox.simulator.PveSimulator;
import io.proxima.adapter.out.proxmox.simulator.SimulatedPveCluster;
import io.proxima.application.monitoring.port.in.MetricsCollectionUseCase;
import io.proxima.application.monitoring.port.in.MetricsCollectionUseCase.Cycle;
import io.proxima.application.node.port.in.NodeAdministrationUseCase;
import io.proxima.bootstrap.identity.IdentityApi;
import io.proxima.bootstrap.identity.IdentityApi.Account;
import io.proxima.bootstrap.support.GreenMailResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import com.sun.net.httpserver.HttpServer;
import io.proxima.application.monitoring.port.in.WebhookUseCase;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import jakarta.inject.Inject;
import java.net.InetSocketAddress;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.ConfigProvider;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.awaitility.Awaitility;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The metrics pipeline against the simulator: one PVE call per cluster and cycle, stored samples
 * feeding the history routes, a VM driven above a rule's threshold alerting its owner (and nobody
 * else) and resolving when the value drops, and a cycle run twice storing nothing twice.
 */
@QuarkusTest
@QuarkusTestResource(GreenMailResource.class)
class MonitoringFlowTest {

    @Inject
    SimulatedPveCluster cluster;

    @Inject
    OperationsDrain operations;

    @Inject
    NodeAdministrationUseCase nodes;

    @Inject
    MetricsCollectionUseCase collection;

    @Inject
    WebhookUseCase webhooks;

    @Inject
    Vertx vertx;

    /** A webhook receiver on loopback: records each request's headers and body. */
    static final class Receiver implements AutoCloseable {
        record Request(Map<String, String> headers, String body) {
        }

        final List<Request> requests = new CopyOnWriteArrayList<>();
        final HttpServer server;
        volatile int status = 200;

        Receiver() throws Exception {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/hook", ex -> {
                Map<String, String> h = new HashMap<>();
                ex.getRequestHeaders().forEach((k, v) -> h.put(k.toLowerCase(), v.get(0)));
                requests.add(new Request(h, new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
                ex.sendResponseHeaders(status, -1);
                ex.close();
            });
            server.start();
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
        }

        List<Request> about(String alertId, String type) {
            return requests.stream().filter(r -> r.body().contains(alertId) && r.body().contains("\"type\":\"" + type + "\"")).toList();
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }

    private VmFixtures.Catalog lastCatalog;

    private PveSimulator sim() {
        return cluster.simulator().orElseThrow();
    }

    private String runningVm(Account admin, Account owner, String hostname) {
        VmFixtures.Catalog c = VmFixtures.catalog(admin, cluster.endpoint().orElseThrow(), 1024, 1, "0.10");
        lastCatalog = c;
        nodes.heartbeatAll();
        Response accepted = owner.as().contentType(ContentType.JSON).body(VmFixtures.order(c, hostname)).post("/api/v1/vms");
        assertThat(accepted.statusCode()).as(accepted.asString()).isEqualTo(202);
        String vmId = accepted.path("data.vm.id");
        operations.drain();
        owner.as().get("/api/v1/vms/" + vmId).then().statusCode(200).body("data.status", is("running"));
        return vmId;
    }

    private static Map<String, Object> rule(String metric, Object threshold, String scopeType, String scopeId) {
        Map<String, Object> r = new HashMap<>();
        r.put("name", "rule " + metric);
        r.put("metric", metric);
        r.put("comparison", "gt");
        r.put("threshold", threshold);
        r.put("scope_type", scopeType);
        if (scopeId != null) {
            r.put("scope_id", scopeId);
        }
        return r;
    }

    @Test
    void a_vm_above_its_threshold_alerts_its_owner_once_and_resolves_when_it_drops() throws Exception {
        Account admin = IdentityApi.admin();
        Receiver receiver = new Receiver();
        // Loopback receivers need an administrator's explicit allowance.
        Response hook = admin.as().contentType(ContentType.JSON)
                .body(Map.of("url", receiver.url(), "events", List.of("alert.triggered", "alert.resolved"), "allow_private", true))
                .post("/api/v1/webhooks");
        assertThat(hook.statusCode()).as(hook.asString()).isEqualTo(201);
        String hookId = hook.path("data.id");
        String secret = hook.path("data.secret");
        assertThat(secret).startsWith("whsec_");
        Account owner = VmFixtures.customerWithBalance(admin, "10.00");
        Account stranger = VmFixtures.customerWithBalance(admin, "10.00");
        String vmId = runningVm(admin, owner, "mon-1");
        int vmid = owner.as().get("/api/v1/vms/" + vmId).path("data.vmid");

        Map<String, Object> body = rule("cpu", 80, "vm", vmId);
        body.put("duration", 60);
        body.put("clear_threshold", 50);
        body.put("severity", "critical");
        Response created = owner.as().contentType(ContentType.JSON).body(body).post("/api/v1/alert-rules");
        assertThat(created.statusCode()).as(created.asString()).isEqualTo(201);
        String ruleId = created.path("data.id");
        assertThat((String) created.path("data.scope_type")).isEqualTo("vm");

        // Cycles stamped in the recent past, one minute apart, as the scheduler would run them.
        Instant base = Instant.ofEpochSecond(Instant.now().getEpochSecond() / 60 * 60 - 360);
        sim().guestCpu(vmid, 0.95);
        String alertId;
        try {
            sim().resetCounts();
            Cycle first = collection.collect(base);
            assertThat(first.pveCalls()).as("one /cluster/resources per cluster").isEqualTo(first.clusters());
            assertThat(sim().requestCounts().getOrDefault("GET /cluster/resources", 0L)).isEqualTo(first.clusters());
            assertThat(first.newSamples()).isEqualTo(first.samples()).isPositive();
            assertThat(alertsOf(owner, vmId)).as("the condition must hold for 60 s first").isEmpty();

            collection.collect(base.plusSeconds(60));
            List<Map<String, Object>> open = alertsOf(owner, vmId);
            assertThat(open).hasSize(1);
            assertThat(open.get(0)).containsEntry("status", "triggered").containsEntry("severity", "critical")
                    .containsEntry("alert_type", "cpu_high").containsEntry("vm_id", vmId);
            alertId = (String) open.get(0).get("id");

            // One signed webhook, verifiable with the secret; sending again sends nothing more.
            webhooks.dispatchDue();
            webhooks.dispatchDue();
            List<Receiver.Request> sent = receiver.about(alertId, "alert.triggered");
            assertThat(sent).hasSize(1);
            String signature = sent.get(0).headers().get("proxima-signature");
            assertThat(signature).matches("t=\\d+,v1=[0-9a-f]{64}");
            long t = Long.parseLong(signature.substring(2, signature.indexOf(',')));
            assertThat(signature.substring(signature.indexOf("v1=") + 3)).isEqualTo(hmac(secret, t + "." + sent.get(0).body()));
            assertThat(sent.get(0).headers().get("proxima-event-id")).isNotBlank();
            // And one mail to the owner.
            Awaitility.await("alert mail").atMost(Duration.ofSeconds(30))
                    .until(() -> alertMails(owner.email(), "alert") == 1);

            // Still above: no second alert for the same rule and VM.
            collection.collect(base.plusSeconds(120));
            assertThat(alertsOf(owner, vmId)).hasSize(1);

            // Another customer sees nothing and cannot acknowledge it or read the rule.
            assertThat(stranger.as().get("/api/v1/alerts").<List<?>>path("data.items")).isEmpty();
            VmFixtures.assertEnvelope(stranger.as().post("/api/v1/alerts/" + alertId + "/acknowledge"), 404, 40401);
            VmFixtures.assertEnvelope(stranger.as().get("/api/v1/alert-rules/" + ruleId), 404, 40401);
            VmFixtures.assertEnvelope(owner.as().post("/api/v1/alerts/" + alertId + "/resolve"), 403, 40301);

            Response ack = owner.as().post("/api/v1/alerts/" + alertId + "/acknowledge");
            assertThat(ack.statusCode()).as(ack.asString()).isEqualTo(200);
            assertThat((String) ack.path("data.status")).isEqualTo("acknowledged");
            VmFixtures.assertEnvelope(owner.as().post("/api/v1/alerts/" + alertId + "/acknowledge"), 409, 40902);

            // 60 % is under the trigger but above the clear threshold: hysteresis keeps it open.
            sim().guestCpu(vmid, 0.60);
            collection.collect(base.plusSeconds(180));
            collection.collect(base.plusSeconds(240));
            assertThat(alertsOf(owner, vmId).get(0)).containsEntry("status", "acknowledged");

            sim().guestCpu(vmid, 0.10);
            collection.collect(base.plusSeconds(300));
            assertThat(alertsOf(owner, vmId).get(0)).containsEntry("status", "acknowledged");
            collection.collect(base.plusSeconds(360));
            Map<String, Object> resolved = alertsOf(owner, vmId).get(0);
            assertThat(resolved).containsEntry("status", "resolved");
            assertThat(resolved.get("resolved_at")).isNotNull();

            // A receiver answering 500 is retried later, not blocking anything; the log shows it.
            receiver.status = 500;
            webhooks.dispatchDue();
            assertThat(receiver.about(alertId, "alert.resolved")).hasSize(1);
            Response log = admin.as().get("/api/v1/webhooks/" + hookId + "/deliveries");
            assertThat(log.statusCode()).as(log.asString()).isEqualTo(200);
            List<Map<String, Object>> deliveries = log.path("data.items");
            Map<String, Object> failed = deliveries.stream().filter(d -> "alert.resolved".equals(d.get("event_type"))
                    && Integer.valueOf(500).equals(d.get("response_code"))).findFirst().orElseThrow();
            assertThat(failed).containsEntry("status", "pending").containsEntry("attempts", 1);
            receiver.status = 200;
            Response again = admin.as().post("/api/v1/webhooks/" + hookId + "/deliveries/" + failed.get("id") + "/redeliver");
            assertThat(again.statusCode()).as(again.asString()).isEqualTo(202);
            webhooks.dispatchDue();
            assertThat(receiver.about(alertId, "alert.resolved")).hasSize(2);
            Awaitility.await("resolution mail").atMost(Duration.ofSeconds(30))
                    .until(() -> alertMails(owner.email(), "resolved") == 1);
        } finally {
            sim().guestCpu(vmid, null);
            receiver.close();
        }

        // A cycle run again (a restart mid-cycle) stores no sample twice.
        Cycle again = collection.collect(base.plusSeconds(60));
        assertThat(again.newSamples()).isZero();

        // The VM's history comes from the stored samples (cpu in percent).
        Response history = owner.as().queryParam("time_range", "1h").queryParam("metric_type", "cpu")
                .get("/api/v1/vms/" + vmId + "/metrics/history");
        assertThat(history.statusCode()).as(history.asString()).isEqualTo(200);
        List<Float> cpu = history.path("data.points.cpu");
        assertThat(cpu).as(history.asString()).hasSizeGreaterThanOrEqualTo(7).contains(95.0f, 60.0f, 10.0f);

        // Audited transitions.
        Response logs = admin.as().queryParam("resource_id", alertId).get("/api/v1/admin/system/logs");
        assertThat(logs.asString()).contains("alert.trigger", "alert.acknowledge", "alert.resolve");
    }

    private static long alertMails(String email, String word) {
        return java.util.Arrays.stream(GreenMailResource.greenMail().getReceivedMessages())
                .filter(m -> IdentityApi.subject(m).startsWith("[Proxima alert]") && IdentityApi.subject(m).toLowerCase().contains(word))
                .filter(m -> {
                    try {
                        return m.getAllRecipients()[0].toString().equalsIgnoreCase(email);
                    } catch (jakarta.mail.MessagingException e) {
                        return false;
                    }
                }).count();
    }

    private static String hmac(String secret, String payload) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<Map<String, Object>> alertsOf(Account who, String vmId) {
        Response r = who.as().queryParam("vm_id", vmId).get("/api/v1/alerts");
        assertThat(r.statusCode()).as(r.asString()).isEqualTo(200);
        return r.path("data.items");
    }

    @Test
    void bad_rules_are_refused_with_422() {
        Account admin = IdentityApi.admin();
        Account owner = VmFixtures.customerWithBalance(admin, null);
        Account other = VmFixtures.customerWithBalance(admin, "10.00");
        String othersVm = runningVm(admin, other, "mon-other");

        VmFixtures.assertEnvelope(owner.as().contentType(ContentType.JSON).body(rule("cpu", 150, "all_vms", null))
                .post("/api/v1/alert-rules"), 422, 42201);
        VmFixtures.assertEnvelope(owner.as().contentType(ContentType.JSON).body(rule("temperature", 50, "all_vms", null))
                .post("/api/v1/alert-rules"), 422, 42201);
        VmFixtures.assertEnvelope(owner.as().contentType(ContentType.JSON).body(rule("cpu", 50, "all_nodes", null))
                .post("/api/v1/alert-rules"), 422, 42201);
        VmFixtures.assertEnvelope(owner.as().contentType(ContentType.JSON).body(rule("cpu", 50, "vm", othersVm))
                .post("/api/v1/alert-rules"), 422, 42201);
        VmFixtures.assertEnvelope(owner.as().contentType(ContentType.JSON).body(rule("cpu", 50, "vm", null))
                .post("/api/v1/alert-rules"), 422, 42201);
        VmFixtures.assertEnvelope(owner.as().queryParam("severity", "fatal").get("/api/v1/alerts"), 422, 42201);

        // Webhook URLs: http(s) only, no internal addresses for customers, no allowance either.
        for (String url : List.of("ftp://example.com/x", "http://127.0.0.1/x", "http://10.1.2.3/x", "http://169.254.169.254/latest",
                "http://[::1]/x", "http://localhost:8080/x", "https://user:pw@example.com/x", "not a url")) {
            VmFixtures.assertEnvelope(owner.as().contentType(ContentType.JSON).body(Map.of("url", url)).post("/api/v1/webhooks"), 422, 42201);
        }
        VmFixtures.assertEnvelope(owner.as().contentType(ContentType.JSON)
                .body(Map.of("url", "http://127.0.0.1/x", "allow_private", true)).post("/api/v1/webhooks"), 422, 42201);
        Response mine = owner.as().contentType(ContentType.JSON).body(Map.of("url", "https://hooks.example.com/proxima"))
                .post("/api/v1/webhooks");
        assertThat(mine.statusCode()).as(mine.asString()).isEqualTo(201);
        VmFixtures.assertEnvelope(other.as().get("/api/v1/webhooks/" + mine.path("data.id")), 404, 40401);
        assertThat(owner.as().get("/api/v1/webhooks/" + mine.path("data.id")).<String>path("data.secret")).isNull();

        // Admins may watch nodes; customers list only their own rules.
        Response nodeRule = admin.as().contentType(ContentType.JSON).body(rule("memory", 90, "all_nodes", null))
                .post("/api/v1/alert-rules");
        assertThat(nodeRule.statusCode()).as(nodeRule.asString()).isEqualTo(201);
        assertThat(owner.as().get("/api/v1/alert-rules").<List<?>>path("data.items")).isEmpty();
        VmFixtures.assertEnvelope(owner.as().delete("/api/v1/alert-rules/" + nodeRule.path("data.id")), 404, 40401);
        Response updated = admin.as().contentType(ContentType.JSON)
                .body(Map.of("metric", "memory", "threshold", 95, "scope_type", "all_nodes", "version", 0))
                .put("/api/v1/alert-rules/" + nodeRule.path("data.id"));
        assertThat(updated.statusCode()).as(updated.asString()).isEqualTo(200);
        assertThat((Float) updated.path("data.threshold")).isEqualTo(95.0f);
        VmFixtures.assertEnvelope(admin.as().contentType(ContentType.JSON)
                .body(Map.of("metric", "memory", "threshold", 95, "scope_type", "all_nodes", "version", 0))
                .put("/api/v1/alert-rules/" + nodeRule.path("data.id")), 409, 40901);
        admin.as().delete("/api/v1/alert-rules/" + nodeRule.path("data.id")).then().statusCode(200);
    }

    @Test
    void admins_see_the_fleet_statistics_and_the_dashboard() throws Exception {
        Account admin = IdentityApi.admin();
        Account owner = VmFixtures.customerWithBalance(admin, "10.00");
        runningVm(admin, owner, "mon-stats");
        String nodeId = lastCatalog.nodeId();
        collection.collect(Instant.ofEpochSecond(Instant.now().getEpochSecond() / 60 * 60));

        Response stats = admin.as().get("/api/v1/stats/system");
        assertThat(stats.statusCode()).as(stats.asString()).isEqualTo(200);
        Map<String, Object> s = stats.path("data");
        assertThat(s).containsKeys("cpu_usage", "memory_usage", "disk_usage", "network_rx", "network_tx", "timestamp");
        assertThat(((Number) s.get("memory_usage")).doubleValue()).isPositive();
        assertThat(((Number) s.get("disk_usage")).doubleValue()).isPositive();

        Response totals = admin.as().get("/api/v1/monitor/stats");
        assertThat(totals.statusCode()).as(totals.asString()).isEqualTo(200);
        assertThat((Integer) totals.path("data.vms.total")).isPositive();
        assertThat((Integer) totals.path("data.customers")).isPositive();
        assertThat((Integer) totals.path("data.nodes")).isPositive();

        Response dash = admin.as().get("/api/v1/monitor/dashboard");
        assertThat(dash.statusCode()).as(dash.asString()).isEqualTo(200);
        assertThat(dash.<Map<String, Object>>path("data")).containsKeys("stats", "alerts", "recent_activities");
        assertThat(dash.<List<?>>path("data.recent_activities")).isNotEmpty();

        // Seed 003's plugins: gateways, notifiers and the PVE connections with their health.
        Response plugins = admin.as().get("/api/v1/admin/plugins");
        assertThat(plugins.statusCode()).as(plugins.asString()).isEqualTo(200);
        List<Map<String, Object>> list = plugins.path("data");
        assertThat(list).extracting(m -> m.get("id")).contains("payment.manual", "notifier.email", "notifier.webhook", "pve." + nodeId);
        assertThat(list).allSatisfy(m -> assertThat(m).containsKeys("kind", "enabled", "configured", "health"));
        VmFixtures.assertEnvelope(owner.as().get("/api/v1/admin/plugins"), 403, 40301);

        // The node stream sends the pipeline's newest sample; customers are refused.
        int port = ConfigProvider.getConfig().getOptionalValue("quarkus.http.test-port", Integer.class).orElse(8081);
        String url = "ws://localhost:" + port + "/api/v1/nodes/" + nodeId + "/metrics/stream";
        WebSocketClient client = vertx.createWebSocketClient();
        try {
            BlockingQueue<String> messages = new LinkedBlockingQueue<>();
            CompletableFuture<Short> closed = new CompletableFuture<>();
            client.connect(new WebSocketConnectOptions().setAbsoluteURI(url).putHeader("Authorization", "Bearer " + admin.accessToken()))
                    .map(ws -> {
                        ws.textMessageHandler(messages::add);
                        return ws;
                    }).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            String first = messages.poll(10, TimeUnit.SECONDS);
            assertThat(first).as("a node metrics message").isNotNull().contains("cpu_percent", "memory_percent", "disk_percent",
                    "network_in", "network_out", "timestamp");
            client.connect(new WebSocketConnectOptions().setAbsoluteURI(url).putHeader("Authorization", "Bearer " + owner.accessToken()))
                    .map(ws -> {
                        ws.closeHandler(x -> closed.complete(ws.closeStatusCode()));
                        if (ws.isClosed()) {
                            closed.complete(ws.closeStatusCode());
                        }
                        return ws;
                    }).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            assertThat(closed.get(10, TimeUnit.SECONDS)).isEqualTo((short) 4403);
        } finally {
            client.close();
        }

        VmFixtures.assertEnvelope(owner.as().get("/api/v1/stats/system"), 403, 40301);
        VmFixtures.assertEnvelope(owner.as().get("/api/v1/monitor/dashboard"), 403, 40301);
    }
}
