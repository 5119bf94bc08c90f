package io.proxima.bootstrap.vm;

import static org.assertj.core.api.Assertions.assertThat;

import io.proxima.adapter.out.proxmox.simulator.PveSimulatorEndpoint;
import io.proxima.bootstrap.identity.IdentityApi;
import io.proxima.bootstrap.identity.IdentityApi.Account;
import io.restassured.http.ContentType;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/** A node on the built-in simulator, with a template, an IP pool and a plan, made through the admin API. */
final class VmFixtures {

    private static final AtomicInteger SEQ = new AtomicInteger();

    record Catalog(String nodeId, String templateId, String planId, String location) {
    }

    private VmFixtures() {
    }

    static Catalog catalog(Account admin, PveSimulatorEndpoint sim, int memoryMb, int snapshotLimit, String hourly) {
        int n = SEQ.incrementAndGet();
        String suffix = Integer.toString(ThreadLocalRandom.current().nextInt(1_000_000), 36) + n;
        String location = "loc-" + suffix;
        Map<String, Object> node = new HashMap<>();
        node.put("name", "sim-" + suffix);
        node.put("pve_node", sim.nodes().get(0));
        node.put("api_url", sim.baseUrl());
        node.put("api_token_id", sim.tokenId());
        node.put("api_token_secret", sim.tokenSecret());
        node.put("location", location);
        node.put("memory_overcommit", 1.0);
        String nodeId = admin.as().contentType(ContentType.JSON).body(node).post("/api/v1/nodes")
                .then().statusCode(201).extract().path("data.id");
        // 10.<a>.<b>.0/24 with a per-fixture pair, so pools of different tests never overlap.
        int a = 100 + (n % 100);
        int b = ThreadLocalRandom.current().nextInt(256);
        admin.as().contentType(ContentType.JSON)
                .body(Map.of("name", "pool-" + suffix, "node_id", nodeId, "cidr", "10." + a + "." + b + ".0/24",
                        "gateway", "10." + a + "." + b + ".1", "dns", List.of("1.1.1.1")))
                .post("/api/v1/admin/ip-pools").then().statusCode(201);
        String templateId = admin.as().contentType(ContentType.JSON)
                .body(Map.of("name", "Debian " + suffix, "type", "qemu", "os_family", "debian", "pve_vmid", 9000,
                        "node_id", nodeId, "min_disk_gb", 10, "cloud_init", true))
                .post("/api/v1/templates").then().statusCode(201).extract().path("data.id");
        String planId = admin.as().contentType(ContentType.JSON)
                .body(Map.of("name", "Plan " + suffix, "type", "qemu", "cpu_cores", 1, "memory_mb", memoryMb,
                        "disk_gb", 20, "bandwidth_gb", 100, "snapshot_limit", snapshotLimit, "price_hourly", hourly,
                        "price_monthly", "50.00", "currency", "USD"))
                .post("/api/v1/plans").then().statusCode(201).extract().path("data.id");
        return new Catalog(nodeId, templateId, planId, location);
    }

    static Account customerWithBalance(Account admin, String amount) {
        Account user = IdentityApi.userWithRole("vmuser", "user");
        if (amount != null) {
            admin.as().contentType(ContentType.JSON)
                    .body(Map.of("amount", amount, "currency", "USD", "reason", "test funds"))
                    .post("/api/v1/users/" + user.id() + "/balance-adjustments").then().statusCode(201);
        }
        return user;
    }

    static String sshKey() {
        byte[] type = "ssh-ed25519".getBytes(StandardCharsets.US_ASCII);
        ByteBuffer b = ByteBuffer.allocate(4 + type.length + 4 + 32);
        b.putInt(type.length).put(type).putInt(32).put(new byte[32]);
        return "ssh-ed25519 " + Base64.getEncoder().encodeToString(b.array()) + " test@proxima";
    }

    static Map<String, Object> order(Catalog c, String hostname) {
        return Map.of("hostname", hostname, "plan_id", c.planId(), "template_id", c.templateId(),
                "ssh_keys", List.of(sshKey()), "location", c.location());
    }

    static void assertEnvelope(io.restassured.response.Response r, int status, int code) {
        assertThat(r.statusCode()).as(r.asString()).isEqualTo(status);
        assertThat((Integer) r.path("code")).as(r.asString()).isEqualTo(code);
    }
}
