package io.proxima.bootstrap.report;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;

import io.proxima.bootstrap.identity.IdentityApi;
import io.proxima.bootstrap.identity.IdentityApi.Account;
import io.proxima.bootstrap.support.GreenMailResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Issue 15: the reports against a dataset seeded here, with expected figures computed by the test
 * itself (not by the code under test), time-zone boundaries, CSV equal to JSON, bad input, roles.
 */
@QuarkusTest
@QuarkusTestResource(GreenMailResource.class)
class ReportsTest {

    /** A currency no other test books in, so the shared database's other entries never count here. */
    private static final String CUR = "SEK";

    @Inject
    DataSource dataSource;

    private record Entry(String type, String counter, long amountMinor, String product, Instant at) {
    }

    private UUID account(Connection c, UUID owner, String systemCode) throws SQLException {
        UUID id = UUID.randomUUID();
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO billing_accounts (id, owner_id, system_code, currency) VALUES (?, ?, ?, ?) "
                        + "ON CONFLICT (system_code, currency) DO NOTHING")) {
            ps.setObject(1, id);
            ps.setObject(2, owner);
            ps.setString(3, systemCode);
            ps.setString(4, CUR);
            ps.executeUpdate();
        }
        if (systemCode != null) {
            try (PreparedStatement ps = c.prepareStatement("SELECT id FROM billing_accounts WHERE system_code = ? AND currency = ?")) {
                ps.setString(1, systemCode);
                ps.setString(2, CUR);
                var rs = ps.executeQuery();
                rs.next();
                return (UUID) rs.getObject(1);
            }
        }
        return id;
    }

    private UUID vm(Connection c, String type) throws SQLException {
        UUID id = UUID.randomUUID();
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO vms (id, owner_id, type, hostname, plan_id, template_id, cpu_cores, memory_mb, disk_gb, status,
                                 version, created_at, updated_at)
                VALUES (?, ?, ?, 'report-vm', ?, ?, 1, 512, 10, 'deleted', 0, now(), now())""")) {
            ps.setObject(1, id);
            ps.setObject(2, UUID.randomUUID());
            ps.setString(3, type);
            ps.setObject(4, UUID.randomUUID());
            ps.setObject(5, UUID.randomUUID());
            ps.executeUpdate();
        }
        return id;
    }

    /** Books the entries for one fresh customer account, as the ledger would (one row per pair). */
    private void book(List<Entry> entries) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            UUID customer = account(c, UUID.randomUUID(), null);
            Map<String, UUID> vms = new HashMap<>();
            long balance = 0;
            for (Entry e : entries) {
                UUID counter = account(c, null, e.counter());
                UUID vm = e.product() == null ? null : vms.computeIfAbsent(e.product(), p -> {
                    try {
                        return vm(c, p);
                    } catch (SQLException ex) {
                        throw new IllegalStateException(ex);
                    }
                });
                balance += e.amountMinor();
                try (PreparedStatement ps = c.prepareStatement("""
                        INSERT INTO billing_journal (id, type, account_id, counter_account_id, amount_minor, currency,
                                                     balance_after_minor, vm_id, effective_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
                    ps.setObject(1, UUID.randomUUID());
                    ps.setString(2, e.type());
                    ps.setObject(3, customer);
                    ps.setObject(4, counter);
                    ps.setLong(5, e.amountMinor());
                    ps.setString(6, CUR);
                    ps.setLong(7, balance);
                    ps.setObject(8, vm);
                    ps.setTimestamp(9, Timestamp.from(e.at()));
                    ps.executeUpdate();
                }
            }
        }
    }

    private static String money(long minor) {
        return BigDecimal.valueOf(minor, 2).toPlainString();
    }

    @Test
    void daily_income_matches_the_ledger_to_the_minor_unit_in_the_requested_time_zone() throws Exception {
        // A year of its own, far from anything other tests book.
        int year = 2000 + ThreadLocalRandom.current().nextInt(0, 20);
        Instant d1 = LocalDate.of(year, 3, 10).atTime(9, 0).toInstant(ZoneOffset.UTC);
        Instant lateUtc = LocalDate.of(year, 3, 10).atTime(23, 30).toInstant(ZoneOffset.UTC); // 11 March in Shanghai
        Instant d2 = LocalDate.of(year, 3, 11).atTime(12, 0).toInstant(ZoneOffset.UTC);
        List<Entry> entries = List.of(
                new Entry("recharge", "gateway:stripe", 10_000, null, d1),
                new Entry("recharge", "gateway:manual", 2_550, null, d1),
                new Entry("charge", "revenue", -37, "qemu", d1),
                new Entry("charge", "revenue", -12, "lxc", lateUtc),
                new Entry("charge", "revenue", -37, "qemu", lateUtc),
                new Entry("refund", "gateway:stripe", -1_000, null, d2),
                new Entry("refund", "revenue", 37, null, d2),
                new Entry("adjustment", "adjustments", -5, null, d2),
                new Entry("recharge", "gateway:stripe", 1_000, null, d2));
        book(entries);

        Account admin = IdentityApi.admin();
        for (String tz : List.of("UTC", "Asia/Shanghai")) {
            ZoneId zone = ZoneId.of(tz);
            // Expected figures, computed here from the entries booked above.
            Map<LocalDate, long[]> expected = new TreeMap<>(); // recharges, charges, refundsGw, refundsBal, adjustments
            for (Entry e : entries) {
                long[] f = expected.computeIfAbsent(LocalDate.ofInstant(e.at(), zone), k -> new long[5]);
                switch (e.type()) {
                    case "recharge" -> f[0] += e.amountMinor();
                    case "charge" -> f[1] -= e.amountMinor();
                    case "refund" -> {
                        if (e.counter().startsWith("gateway:")) {
                            f[2] -= e.amountMinor();
                        } else {
                            f[3] += e.amountMinor();
                        }
                    }
                    default -> f[4] += e.amountMinor();
                }
            }
            Response r = admin.as().queryParam("from", year + "-03-09").queryParam("to", year + "-03-12")
                    .queryParam("tz", tz).queryParam("currency", CUR).get("/api/v1/admin/reports/daily-income");
            assertThat(r.statusCode()).as(r.asString()).isEqualTo(200);
            List<Map<String, Object>> days = r.path("data.days");
            assertThat(days).hasSize(4);
            long[] totals = new long[5];
            for (Map<String, Object> day : days) {
                long[] f = expected.getOrDefault(LocalDate.parse((String) day.get("date")), new long[5]);
                assertThat(day.get("recharges")).as(tz + " " + day.get("date")).isEqualTo(money(f[0]));
                assertThat(day.get("charges")).as(tz + " " + day.get("date")).isEqualTo(money(f[1]));
                assertThat(day.get("refunds_to_gateway")).isEqualTo(money(f[2]));
                assertThat(day.get("refunds_to_balance")).isEqualTo(money(f[3]));
                assertThat(day.get("adjustments")).isEqualTo(money(f[4]));
                assertThat(day.get("net")).isEqualTo(money(f[0] - f[2]));
                for (int i = 0; i < 5; i++) {
                    totals[i] += f[i];
                }
            }
            assertThat((String) r.path("data.totals.recharges")).isEqualTo(money(totals[0]));
            assertThat((String) r.path("data.totals.charges")).isEqualTo(money(totals[1]));
            assertThat((String) r.path("data.totals.recharges_by_gateway.stripe")).isEqualTo(money(11_000));
            assertThat((String) r.path("data.totals.charges_by_product.qemu")).isEqualTo(money(74));
            assertThat((String) r.path("data.totals.charges_by_product.lxc")).isEqualTo(money(12));
        }
        // The boundary: the 23:30 UTC charges are on the 10th in UTC and on the 11th in Shanghai.
        Response utc = admin.as().queryParam("from", year + "-03-10").queryParam("to", year + "-03-10").queryParam("tz", "UTC")
                .queryParam("currency", CUR).get("/api/v1/admin/reports/daily-income");
        assertThat((String) utc.path("data.days[0].charges")).isEqualTo(money(86));
        Response cn = admin.as().queryParam("from", year + "-03-10").queryParam("to", year + "-03-10").queryParam("tz", "Asia/Shanghai")
                .queryParam("currency", CUR).get("/api/v1/admin/reports/daily-income");
        assertThat((String) cn.path("data.days[0].charges")).isEqualTo(money(37));

        // Independently of the report: the ledger's own sum over the range equals the report's movements.
        long ledger;
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT sum(amount_minor) FROM billing_journal WHERE currency = ? AND effective_at >= ? AND effective_at < ?")) {
            ps.setString(1, CUR);
            ps.setTimestamp(2, Timestamp.from(LocalDate.of(year, 3, 9).atStartOfDay(ZoneOffset.UTC).toInstant()));
            ps.setTimestamp(3, Timestamp.from(LocalDate.of(year, 3, 13).atStartOfDay(ZoneOffset.UTC).toInstant()));
            var rs = ps.executeQuery();
            rs.next();
            ledger = rs.getLong(1);
        }
        Response all = admin.as().queryParam("from", year + "-03-09").queryParam("to", year + "-03-12").queryParam("tz", "UTC")
                .queryParam("currency", CUR).get("/api/v1/admin/reports/daily-income");
        long fromReport = cents(all.path("data.totals.recharges")) - cents(all.path("data.totals.charges"))
                - cents(all.path("data.totals.refunds_to_gateway")) + cents(all.path("data.totals.refunds_to_balance"))
                + cents(all.path("data.totals.adjustments")) + cents(all.path("data.totals.reversals"));
        assertThat(fromReport).isEqualTo(ledger);

        // CSV carries the same figures as JSON, under a stable header; seed 000's path answers too.
        String csv = admin.as().queryParam("from", year + "-03-09").queryParam("to", year + "-03-12").queryParam("tz", "UTC")
                .queryParam("currency", CUR).queryParam("format", "csv").get("/api/v1/admin/report/daily-income")
                .then().statusCode(200).contentType(org.hamcrest.Matchers.startsWith("text/csv")).extract().asString();
        String[] lines = csv.split("\r\n");
        assertThat(lines[0]).isEqualTo("date,currency,recharges,recharges_manual,recharges_stripe,charges,charges_lxc,charges_qemu,"
                + "refunds_to_gateway,refunds_to_balance,adjustments,reversals,net");
        assertThat(lines).hasSize(5);
        List<Map<String, Object>> days = all.path("data.days");
        for (int i = 0; i < days.size(); i++) {
            String[] cells = lines[i + 1].split(",");
            assertThat(cells[0]).isEqualTo(days.get(i).get("date"));
            assertThat(cells[2]).isEqualTo(days.get(i).get("recharges"));
            assertThat(cells[5]).isEqualTo(days.get(i).get("charges"));
            assertThat(cells[12]).isEqualTo(days.get(i).get("net"));
        }
        String accepted = admin.as().accept("text/csv").queryParam("from", year + "-03-09").queryParam("to", year + "-03-12")
                .queryParam("tz", "UTC").queryParam("currency", CUR).get("/api/v1/admin/reports/daily-income").asString();
        assertThat(accepted).isEqualTo(csv);
    }

    private static long cents(String decimal) {
        return new BigDecimal(decimal).movePointRight(2).longValueExact();
    }

    private static Map<String, Integer> today(Account admin) {
        Response r = admin.as().queryParam("interval", "day").queryParam("from", LocalDate.now(ZoneOffset.UTC).toString())
                .queryParam("to", LocalDate.now(ZoneOffset.UTC).toString()).queryParam("tz", "UTC")
                .get("/api/v1/admin/reports/user-growth");
        assertThat(r.statusCode()).as(r.asString()).isEqualTo(200);
        Map<String, Integer> b = new HashMap<>(r.path("data.buckets[0]"));
        b.remove("start");
        return b;
    }

    @Test
    void user_growth_counts_signups_verifications_disables_and_deletions_in_their_bucket() {
        Account admin = IdentityApi.admin();
        Map<String, Integer> before = today(admin);
        Account a = IdentityApi.verifiedUser("growth");
        Account b = IdentityApi.verifiedUser("growth");
        String pending = IdentityApi.unique("growthp");
        IdentityApi.register(pending, pending + "@example.test", IdentityApi.PASSWORD).then().statusCode(201);
        admin.as().contentType(ContentType.JSON).body(Map.of("status", "disabled"))
                .put("/api/v1/users/" + a.id() + "/status").then().statusCode(200);
        admin.as().delete("/api/v1/users/" + b.id()).then().statusCode(200);
        Map<String, Integer> after = today(admin);
        assertThat(after.get("signups") - before.get("signups")).isEqualTo(3);
        assertThat(after.get("verified") - before.get("verified")).isEqualTo(2);
        assertThat(after.get("disabled") - before.get("disabled")).isEqualTo(1);
        assertThat(after.get("deleted") - before.get("deleted")).isEqualTo(1);
        assertThat(after.get("cumulative_signups") - before.get("cumulative_signups")).isEqualTo(3);

        Response weeks = admin.as().queryParam("interval", "week").queryParam("from", "2026-11-01").queryParam("to", "2026-11-30")
                .get("/api/v1/admin/reports/user-growth");
        assertThat(weeks.statusCode()).isEqualTo(200);
        List<String> starts = weeks.path("data.buckets.start");
        assertThat(starts).first().isEqualTo("2026-10-26"); // the Monday of the week holding 1 November
        assertThat(starts).hasSize(6);
    }

    @Test
    void resource_usage_and_node_status_list_every_node_and_plan() {
        Account admin = IdentityApi.admin();
        Response usage = admin.as().get("/api/v1/admin/reports/resource-usage");
        assertThat(usage.statusCode()).as(usage.asString()).isEqualTo(200);
        List<String> nodeNames = usage.path("data.nodes.name");
        Response status = admin.as().get("/api/v1/admin/reports/node-status");
        assertThat(status.statusCode()).as(status.asString()).isEqualTo(200);
        assertThat(status.<List<String>>path("data.name")).containsExactlyInAnyOrderElementsOf(nodeNames);
        List<String> nodes = admin.as().queryParam("per_page", 100).get("/api/v1/nodes").path("data.items.name");
        if (nodes == null) {
            nodes = admin.as().get("/api/v1/nodes").path("data.name");
        }
        assertThat(nodeNames).containsAll(nodes);
        String csv = admin.as().queryParam("format", "csv").get("/api/v1/admin/report/node-status").then().statusCode(200)
                .extract().asString();
        assertThat(csv.split("\r\n")).hasSize(nodeNames.size() + 1);
        assertThat(csv).startsWith("id,name,location,enabled,status,last_heartbeat_at,uptime_percent_30d,");
    }

    @Test
    void bad_ranges_zones_and_intervals_are_422_and_reports_are_for_admins_only() {
        Account admin = IdentityApi.admin();
        for (Map<String, String> bad : List.of(Map.of("from", "2026-05-02", "to", "2026-05-01"), Map.of("tz", "Mars/Olympus"),
                Map.of("from", "2020-01-01", "to", "2026-01-01"), Map.of("from", "yesterday"), Map.of("currency", "XYZ1"))) {
            Response r = admin.as().queryParams(bad).get("/api/v1/admin/reports/daily-income");
            assertThat(r.statusCode()).as(bad + " " + r.asString()).isEqualTo(422);
            assertThat((Integer) r.path("code")).isEqualTo(42201);
        }
        admin.as().queryParam("interval", "year").get("/api/v1/admin/reports/user-growth").then().statusCode(422);
        admin.as().queryParam("format", "xlsx").get("/api/v1/admin/reports/node-status").then().statusCode(422);

        Account support = IdentityApi.userWithRole("rsupport", "support");
        Account customer = IdentityApi.verifiedUser("rcustomer");
        for (String path : List.of("daily-income", "user-growth", "resource-usage", "node-status")) {
            support.as().get("/api/v1/admin/reports/" + path).then().statusCode(403);
            customer.as().get("/api/v1/admin/report/" + path).then().statusCode(403);
            given().get("/api/v1/admin/reports/" + path).then().statusCode(401);
        }
        // The business time zone is a system setting.
        admin.as().contentType(ContentType.JSON).body(Map.of("time_zone", "Asia/Shanghai")).put("/api/v1/admin/system/config")
                .then().statusCode(200).body("data.time_zone", is("Asia/Shanghai"));
        admin.as().get("/api/v1/admin/reports/daily-income").then().statusCode(200).body("data.time_zone", is("Asia/Shanghai"));
        admin.as().contentType(ContentType.JSON).body(Map.of("time_zone", "Nowhere/City")).put("/api/v1/admin/system/config")
                .then().statusCode(422);
        admin.as().contentType(ContentType.JSON).body(Map.of("time_zone", "UTC")).put("/api/v1/admin/system/config")
                .then().statusCode(200);
    }
}
