package io.proxima.bootstrap.vm;

import io.proxima.adapter.out.proxmox.simulator.PveSimulator;
import io.proxima.adapter.out.proxmox.simulator.SimulatedPveCluster;
import io.proxima.application.hypervisor.port.out.RrdTimeframe;
import io.proxima.application.monitoring.port.in.MetricsCollectionUseCase;
import io.proxima.application.monitoring.port.in.MetricsCollectionUseCase.Cycle;
import io.proxima.application.monitoring.port.in.MetricsQueryUseCase;
import io.proxima.application.node.port.in.NodeAdministrationUseCase;
import io.proxima.bootstrap.identity.IdentityApi;
import io.proxima.bootstrap.identity.IdentityApi.Account;
import io.proxima.bootstrap.support.GreenMailResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Not a test: one metrics collection cycle over {@code bench.guests} (10 000) simulated guests —
 * PVE calls per cycle, ingest and rule-evaluation time, database bytes per 1 000 guests per day —
 * and a 30-day history read with its SQL plan. Writes {@code bench.out}. Run by bench/monitoring.sh.
 */
@QuarkusTest
@QuarkusTestResource(GreenMailResource.class)
@EnabledIfSystemProperty(named = "bench", matches = "true")
class MonitoringCycleBench {

    @Inject
    SimulatedPveCluster cluster;

    @Inject
    NodeAdministrationUseCase nodes;

    @Inject
    MetricsCollectionUseCase collection;

    @Inject
    MetricsQueryUseCase metrics;

    @Inject
    DataSource dataSource;

    @Test
    void one_cycle_over_ten_thousand_guests() throws Exception {
        int guests = Integer.getInteger("bench.guests", 10_000);
        Account admin = IdentityApi.admin();
        VmFixtures.catalog(admin, cluster.endpoint().orElseThrow(), 1024, 1, "0.01");
        nodes.heartbeatAll();
        // A fleet rule over every VM, so evaluation touches every sample.
        admin.as().contentType(ContentType.JSON).body(Map.of("name", "bench cpu", "metric", "cpu", "threshold", 99,
                "scope_type", "all_vms", "duration", 120)).post("/api/v1/alert-rules").then().statusCode(201);
        PveSimulator sim = cluster.simulator().orElseThrow();
        sim.seedGuests(guests);

        StringBuilder out = new StringBuilder("| cycle | guests | clusters | PVE calls | samples (new) | ingest ms | rules ms |\n|---|---|---|---|---|---|---|\n");
        Instant base = Instant.ofEpochSecond(Instant.now().getEpochSecond() / 60 * 60 - 600);
        long bytesBefore = rawBytes();
        long samplesTotal = 0;
        for (int i = 0; i < 5; i++) {
            sim.resetCounts();
            java.util.logging.Logger.getLogger("io.proxima.application.monitoring.service.MetricsCollectionService")
                    .setLevel(java.util.logging.Level.FINE);
            Cycle c = collection.collect(base.plusSeconds(60L * i));
            samplesTotal += c.newSamples();
            out.append("| ").append(i + 1).append(" | ").append(sim.guestCount()).append(" | ").append(c.clusters()).append(" | ")
                    .append(sim.requestCounts().getOrDefault("GET /cluster/resources", 0L)).append(" | ").append(c.samples())
                    .append(" (").append(c.newSamples()).append(") | ").append(c.ingestMillis()).append(" | ")
                    .append(c.evaluateMillis()).append(" |\n");
        }
        long bytes = rawBytes() - bytesBefore;
        double perSample = samplesTotal == 0 ? 0 : (double) bytes / samplesTotal;
        out.append("\nRaw storage: ").append(bytes).append(" bytes for ").append(samplesTotal).append(" samples (")
                .append(String.format("%.0f", perSample)).append(" B/sample incl. indexes); at one sample a minute that is ")
                .append(String.format("%.1f", perSample * 1440 * 1000 / 1e6)).append(" MB per 1 000 guests per day (raw, before roll-ups).\n");

        // A 30-day history read of one guest (30 days of hourly roll-ups planted), and the plan of its SQL.
        UUID one;
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            ResultSet pick = s.executeQuery("SELECT resource_id FROM metric_samples_1h WHERE resource_type = 'vm' LIMIT 1");
            pick.next();
            one = pick.getObject(1, UUID.class);
            s.executeUpdate("INSERT INTO metric_samples_1h (resource_id, ts, resource_type, cpu, mem_used, mem_total, disk_used, "
                    + "disk_total, net_in_rate, net_out_rate, samples) SELECT '" + one + "', g, 'vm', 20, 1, 2, 1, 2, 100, 50, 60 "
                    + "FROM generate_series(date_trunc('hour', now()) - interval '30 days', date_trunc('hour', now()) - interval '2 hours', "
                    + "interval '1 hour') g ON CONFLICT DO NOTHING");
            s.execute("ANALYZE metric_samples_1h");
        }
        long t0 = System.nanoTime();
        int points = metrics.history("vm", one, RrdTimeframe.MONTH).size();
        long ms = (System.nanoTime() - t0) / 1_000_000;
        out.append("\n30-day history of one VM: ").append(points).append(" hourly points in ").append(ms).append(" ms.\n\n```\n");
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("EXPLAIN ANALYZE SELECT * FROM metric_samples_1h WHERE resource_id = '" + one
                     + "' AND resource_type = 'vm' AND ts >= now() - interval '30 days' AND ts <= now() ORDER BY ts")) {
            while (rs.next()) {
                out.append(rs.getString(1)).append('\n');
            }
        }
        out.append("```\n");
        Files.writeString(Path.of(System.getProperty("bench.out", "target/monitoring-bench.md")), out.toString());
    }

    private long rawBytes() throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT coalesce(sum(pg_total_relation_size(i.inhrelid)), 0) FROM pg_inherits i "
                     + "JOIN pg_class p ON p.oid = i.inhparent WHERE p.relname = 'metric_samples_raw'")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
