package io.proxima.adapter.out.persistence.monitoring;

import io.proxima.adapter.out.persistence.billing.Sql;
import io.proxima.application.monitoring.port.out.MetricStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Samples in PostgreSQL: raw rows in day partitions of {@code metric_samples_raw} (created here on
 * first use, dropped whole by retention), roll-ups in {@code metric_samples_5m} and
 * {@code metric_samples_1h}, recomputed per bucket with upserts so a re-run converges.
 */
@ApplicationScoped
public class JdbcMetricStore implements MetricStore {

    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;
    private static final String PARTITION_PREFIX = "metric_samples_raw_p";
    private static final String COLUMNS = "resource_id, ts, resource_type, node_id, cpu, mem_used, mem_total, disk_used, "
            + "disk_total, net_in_rate, net_out_rate";

    private final Sql sql;
    private final DataSource dataSource;

    @Inject
    public JdbcMetricStore(Sql sql, DataSource dataSource) {
        this.sql = sql;
        this.dataSource = dataSource;
    }

    @Override
    public Map<UUID, Counters> counters(Collection<UUID> ids) {
        Map<UUID, Counters> out = new HashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        // One round trip for the fleet: the ids travel as one array, joined as a relation (a
        // "= ANY(array)" filter would re-parse the whole array for every row of the table).
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT m.resource_id, m.ts, m.net_in, m.net_out FROM unnest(?::text[]::uuid[]) AS u(id) "
                        + "JOIN metric_counters m ON m.resource_id = u.id")) {
            ps.setArray(1, texts(c, ids.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Counters k = new Counters(Sql.uuid(rs, "resource_id"), Sql.instant(rs, "ts"), rs.getLong("net_in"),
                            rs.getLong("net_out"));
                    out.put(k.resourceId(), k);
                }
            }
        } catch (SQLException e) {
            throw new MonitoringStoreException(e);
        }
        return out;
    }

    @Override
    public void saveCounters(List<Counters> counters) {
        if (counters.isEmpty()) {
            return;
        }
        int n = counters.size();
        Object[] ids = new Object[n];
        Object[] ts = new Object[n];
        Object[] in = new Object[n];
        Object[] out = new Object[n];
        for (int i = 0; i < n; i++) {
            Counters c = counters.get(i);
            ids[i] = c.resourceId();
            ts[i] = c.at();
            in[i] = c.netIn();
            out[i] = c.netOut();
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO metric_counters (resource_id, ts, net_in, net_out) SELECT * FROM unnest(?::text[]::uuid[], "
                        + "?::text[]::timestamptz[], ?::text[]::int8[], ?::text[]::int8[]) ON CONFLICT (resource_id) DO UPDATE SET ts = EXCLUDED.ts, "
                        + "net_in = EXCLUDED.net_in, net_out = EXCLUDED.net_out WHERE metric_counters.ts < EXCLUDED.ts")) {
            ps.setArray(1, texts(c, ids));
            ps.setArray(2, texts(c, ts));
            ps.setArray(3, texts(c, in));
            ps.setArray(4, texts(c, out));
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new MonitoringStoreException(e);
        }
    }

    @Override
    public int insertRaw(List<Sample> samples) {
        if (samples.isEmpty()) {
            return 0;
        }
        TreeSet<LocalDate> days = new TreeSet<>();
        samples.forEach(s -> days.add(LocalDate.ofInstant(s.at(), ZoneOffset.UTC)));
        days.forEach(this::ensurePartition);
        // One statement for the whole cycle: the columns travel as arrays and unnest() turns them
        // into rows (a JDBC batch costs a round trip per row without reWriteBatchedInserts).
        int n = samples.size();
        Object[] ids = new Object[n];
        Object[] types = new Object[n];
        Object[] nodes = new Object[n];
        Object[] cpu = new Object[n];
        Object[] memUsed = new Object[n];
        Object[] memTotal = new Object[n];
        Object[] diskUsed = new Object[n];
        Object[] diskTotal = new Object[n];
        Object[] netIn = new Object[n];
        Object[] netOut = new Object[n];
        Object[] ts = new Object[n];
        for (int i = 0; i < n; i++) {
            Sample s = samples.get(i);
            ids[i] = s.resourceId();
            ts[i] = s.at();
            types[i] = s.resourceType();
            nodes[i] = s.nodeId();
            cpu[i] = s.cpu();
            memUsed[i] = s.memUsed();
            memTotal[i] = s.memTotal();
            diskUsed[i] = s.diskUsed();
            diskTotal[i] = s.diskTotal();
            netIn[i] = s.netInRate();
            netOut[i] = s.netOutRate();
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO metric_samples_raw (" + COLUMNS + ") SELECT * FROM unnest(?::text[]::uuid[], "
                        + "?::text[]::timestamptz[], ?::text[], ?::text[]::uuid[], ?::text[]::float8[], ?::text[]::int8[], "
                        + "?::text[]::int8[], ?::text[]::int8[], ?::text[]::int8[], ?::text[]::float8[], ?::text[]::float8[]) "
                        + "ON CONFLICT DO NOTHING")) {
            ps.setArray(1, texts(c, ids));
            ps.setArray(2, texts(c, ts));
            ps.setArray(3, texts(c, types));
            ps.setArray(4, texts(c, nodes));
            ps.setArray(5, texts(c, cpu));
            ps.setArray(6, texts(c, memUsed));
            ps.setArray(7, texts(c, memTotal));
            ps.setArray(8, texts(c, diskUsed));
            ps.setArray(9, texts(c, diskTotal));
            ps.setArray(10, texts(c, netIn));
            ps.setArray(11, texts(c, netOut));
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new MonitoringStoreException(e);
        }
    }

    /** Arrays travel as text[] and are cast in SQL ({@code ?::uuid[]} ...): one encoding for every column type. */
    private static java.sql.Array texts(Connection c, Object[] values) throws SQLException {
        String[] out = new String[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i] == null ? null : values[i].toString();
        }
        return c.createArrayOf("text", out);
    }

    /** A database failure of the metrics store (infrastructure: the API answers 500/503, never the SQL). */
    public static class MonitoringStoreException extends RuntimeException {
        MonitoringStoreException(SQLException e) {
            super(e.getMessage() + " (SQLState " + e.getSQLState() + ")", e);
        }
    }

    private void ensurePartition(LocalDate day) {
        String name = PARTITION_PREFIX + DAY.format(day);
        sql.update("CREATE TABLE IF NOT EXISTS " + name + " PARTITION OF metric_samples_raw FOR VALUES FROM ('"
                + day + " 00:00:00+00') TO ('" + day.plusDays(1) + " 00:00:00+00')");
    }

    @Override
    public void rollUp(Resolution resolution, Instant from, Instant to) {
        if (resolution == Resolution.RAW) {
            return;
        }
        long step = resolution.seconds();
        Instant start = Instant.ofEpochSecond(Math.floorDiv(from.getEpochSecond(), step) * step);
        Instant end = Instant.ofEpochSecond(Math.floorDiv(to.getEpochSecond() + step - 1, step) * step);
        String bucket = "to_timestamp(floor(extract(epoch FROM ts) / " + step + ") * " + step + ")";
        String select = resolution == Resolution.FIVE_MINUTES
                ? "SELECT resource_id, " + bucket + " AS b, min(resource_type), (array_agg(node_id ORDER BY ts DESC))[1], "
                  + "avg(cpu), avg(mem_used)::bigint, max(mem_total), avg(disk_used)::bigint, max(disk_total), "
                  + "avg(net_in_rate), avg(net_out_rate), count(*) FROM metric_samples_raw "
                : "SELECT resource_id, " + bucket + " AS b, min(resource_type), (array_agg(node_id ORDER BY ts DESC))[1], "
                  + "sum(cpu * samples) / nullif(sum(samples) FILTER (WHERE cpu IS NOT NULL), 0), "
                  + "(sum(mem_used * samples) / sum(samples))::bigint, max(mem_total), "
                  + "(sum(disk_used * samples) / sum(samples))::bigint, max(disk_total), "
                  + "sum(net_in_rate * samples) / nullif(sum(samples) FILTER (WHERE net_in_rate IS NOT NULL), 0), "
                  + "sum(net_out_rate * samples) / nullif(sum(samples) FILTER (WHERE net_out_rate IS NOT NULL), 0), "
                  + "sum(samples) FROM metric_samples_5m ";
        String table = resolution == Resolution.FIVE_MINUTES ? "metric_samples_5m" : "metric_samples_1h";
        sql.update("INSERT INTO " + table + " (" + COLUMNS + ", samples) " + select + "WHERE ts >= ? AND ts < ? GROUP BY resource_id, b "
                + "ON CONFLICT (resource_id, ts) DO UPDATE SET node_id = EXCLUDED.node_id, cpu = EXCLUDED.cpu, "
                + "mem_used = EXCLUDED.mem_used, mem_total = EXCLUDED.mem_total, disk_used = EXCLUDED.disk_used, "
                + "disk_total = EXCLUDED.disk_total, net_in_rate = EXCLUDED.net_in_rate, "
                + "net_out_rate = EXCLUDED.net_out_rate, samples = EXCLUDED.samples", start, end);
    }

    @Override
    public long purge(Resolution resolution, Instant cutoff) {
        if (resolution != Resolution.RAW) {
            String table = resolution == Resolution.FIVE_MINUTES ? "metric_samples_5m" : "metric_samples_1h";
            return sql.update("DELETE FROM " + table + " WHERE ts < ?", cutoff);
        }
        // Whole day partitions whose every sample is older than the cutoff.
        long dropped = 0;
        LocalDate cutoffDay = LocalDate.ofInstant(cutoff, ZoneOffset.UTC);
        for (String name : sql.list("SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid "
                + "JOIN pg_class p ON p.oid = i.inhparent WHERE p.relname = 'metric_samples_raw'", rs -> rs.getString(1))) {
            if (!name.startsWith(PARTITION_PREFIX)) {
                continue;
            }
            LocalDate day = LocalDate.parse(name.substring(PARTITION_PREFIX.length()), DAY);
            if (day.plusDays(1).isBefore(cutoffDay) || day.plusDays(1).equals(cutoffDay)) {
                dropped += sql.one("SELECT count(*) FROM " + name, rs -> rs.getLong(1)).orElse(0L);
                sql.update("DROP TABLE " + name);
            }
        }
        return dropped;
    }

    @Override
    public List<Sample> history(String resourceType, UUID resourceId, Resolution resolution, Instant from, Instant to) {
        String table = switch (resolution) {
            case RAW -> "metric_samples_raw";
            case FIVE_MINUTES -> "metric_samples_5m";
            case HOUR -> "metric_samples_1h";
        };
        return sql.list("SELECT " + COLUMNS + " FROM " + table + " WHERE resource_id = ? AND resource_type = ? "
                + "AND ts >= ? AND ts <= ? ORDER BY ts", JdbcMetricStore::sample, resourceId, resourceType, from, to);
    }

    @Override
    public Optional<Sample> latest(String resourceType, UUID resourceId) {
        return sql.one("SELECT " + COLUMNS + " FROM metric_samples_raw WHERE resource_id = ? AND resource_type = ? "
                + "ORDER BY ts DESC LIMIT 1", JdbcMetricStore::sample, resourceId, resourceType);
    }

    @Override
    public Optional<FleetUsage> fleetUsage() {
        return sql.one("SELECT ts, avg(cpu) AS cpu, sum(mem_used) AS mu, sum(mem_total) AS mt, sum(disk_used) AS du, "
                        + "sum(disk_total) AS dt, coalesce(sum(net_in_rate), 0) AS ni, coalesce(sum(net_out_rate), 0) AS no, "
                        + "count(*) AS n FROM metric_samples_raw WHERE resource_type = 'node' AND ts = "
                        + "(SELECT max(ts) FROM metric_samples_raw WHERE resource_type = 'node') GROUP BY ts",
                rs -> new FleetUsage(Sql.instant(rs, "ts"), rs.getDouble("cpu"), rs.getLong("mu"), rs.getLong("mt"),
                        rs.getLong("du"), rs.getLong("dt"), rs.getDouble("ni"), rs.getDouble("no"), rs.getInt("n")));
    }

    @Override
    public Optional<Instant> newestSampleTime() {
        return sql.one("SELECT max(ts) AS ts FROM metric_samples_raw", rs -> Sql.instant(rs, "ts"));
    }

    private static Sample sample(ResultSet rs) throws SQLException {
        return new Sample(rs.getString("resource_type"), Sql.uuid(rs, "resource_id"), Sql.uuid(rs, "node_id"),
                Sql.instant(rs, "ts"), nullable(rs, "cpu"), rs.getLong("mem_used"), rs.getLong("mem_total"),
                rs.getLong("disk_used"), rs.getLong("disk_total"), nullable(rs, "net_in_rate"), nullable(rs, "net_out_rate"));
    }

    private static Double nullable(ResultSet rs, String column) throws SQLException {
        double v = rs.getDouble(column);
        return rs.wasNull() ? null : v;
    }
}
