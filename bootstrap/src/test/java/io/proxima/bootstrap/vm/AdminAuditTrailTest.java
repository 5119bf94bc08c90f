package io.proxima.bootstrap.vm;

import static org.assertj.core.api.Assertions.assertThat;

import io.proxima.adapter.out.proxmox.simulator.SimulatedPveCluster;
import io.proxima.bootstrap.identity.IdentityApi;
import io.proxima.bootstrap.identity.IdentityApi.Account;
import io.proxima.bootstrap.support.GreenMailResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Every administrative change and every money movement leaves an audit record, written by the
 * use case in its own transaction (not by the REST layer afterwards); an idempotent replay of a
 * balance adjustment finds its entry however many were booked since.
 */
@QuarkusTest
@QuarkusTestResource(GreenMailResource.class)
class AdminAuditTrailTest {

    @Inject
    SimulatedPveCluster cluster;

    @Inject
    DataSource db;

    private List<String> actions(String resourceId) throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = db.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "SELECT action FROM audit_logs WHERE resource_id = ? AND result = 'success' ORDER BY created_at")) {
            ps.setString(1, resourceId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }

    private int count(String action, String detailKey, String detailValue) throws Exception {
        try (Connection c = db.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "SELECT count(*) FROM audit_logs WHERE action = ? AND details ->> ? = ?")) {
            ps.setString(1, action);
            ps.setString(2, detailKey);
            ps.setString(3, detailValue);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    @Test
    void nodes_catalogue_and_settings_changes_are_audited() throws Exception {
        Account admin = IdentityApi.admin();
        VmFixtures.Catalog c = VmFixtures.catalog(admin, cluster.endpoint().orElseThrow(), 1024, 0, "0.10");
        assertThat(actions(c.nodeId())).containsExactly("node.create");
        assertThat(actions(c.templateId())).containsExactly("template.create");
        assertThat(actions(c.planId())).containsExactly("plan.create");
        String poolId = admin.as().get("/api/v1/admin/ip-pools").then().statusCode(200).extract()
                .<List<Map<String, Object>>>path("data").stream()
                .filter(p -> c.nodeId().equals(p.get("node_id"))).findFirst().orElseThrow().get("id").toString();
        assertThat(actions(poolId)).containsExactly("ip_pool.create");

        admin.as().delete("/api/v1/plans/" + c.planId()).then().statusCode(org.hamcrest.Matchers.lessThan(300));
        assertThat(actions(c.planId())).containsExactly("plan.create", "plan.retire");

        String keyBefore = "min_balance_hours";
        admin.as().contentType(ContentType.JSON).body(Map.of(keyBefore, 1)).put("/api/v1/admin/system/config")
                .then().statusCode(200);
        assertThat(count("system.config.update", "keys", keyBefore)).isPositive();
    }

    @Test
    void money_movements_are_audited_once_and_a_replay_finds_an_old_adjustment() throws Exception {
        Account admin = IdentityApi.admin();
        Account user = IdentityApi.userWithRole("audited", "user");
        String key = "adj-" + UUID.randomUUID();
        Map<String, Object> body = Map.of("amount", "5.00", "currency", "USD", "reason", "goodwill");
        Response first = admin.as().contentType(ContentType.JSON).header("Idempotency-Key", key).body(body)
                .post("/api/v1/users/" + user.id() + "/balance-adjustments");
        assertThat(first.statusCode()).as(first.asString()).isEqualTo(201);
        String entryId = first.path("data.id");
        assertThat(count("billing.adjustment", "transaction_id", entryId)).isEqualTo(1);

        // More than a page of newer entries: the replay must still find the first one.
        for (int i = 0; i < 101; i++) {
            admin.as().contentType(ContentType.JSON).body(Map.of("amount", "0.01", "currency", "USD", "reason", "filler " + i))
                    .post("/api/v1/users/" + user.id() + "/balance-adjustments").then().statusCode(201);
        }
        Response replay = admin.as().contentType(ContentType.JSON).header("Idempotency-Key", key).body(body)
                .post("/api/v1/users/" + user.id() + "/balance-adjustments");
        assertThat(replay.statusCode()).as(replay.asString()).isEqualTo(201);
        assertThat((String) replay.path("data.id")).isEqualTo(entryId);
        assertThat(replay.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(count("billing.adjustment", "transaction_id", entryId)).isEqualTo(1);

        // A customer's recharge order and its manual confirmation.
        String orderId = user.as().contentType(ContentType.JSON)
                .body(Map.of("amount", "10.00", "currency", "USD", "gateway", "manual"))
                .post("/api/v1/billing/recharges").then().statusCode(201).extract().path("data.id");
        admin.as().post("/api/v1/admin/billing/recharges/" + orderId + "/confirm").then().statusCode(200);
        assertThat(actions(orderId)).containsExactly("billing.recharge.create", "billing.recharge.confirm");
    }
}
