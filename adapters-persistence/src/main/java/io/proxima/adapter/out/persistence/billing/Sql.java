package io.proxima.adapter.out.persistence.billing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Minimal JDBC helper of the billing adapter. Billing's correctness lives in SQL (row locks,
 * {@code ON CONFLICT}, {@code SKIP LOCKED}, set-based statements), so its repositories speak SQL
 * directly. Connections come from the Agroal pool, which enlists them in the caller's JTA
 * transaction: every statement of one use case runs in that transaction.
 */
@ApplicationScoped
public class Sql {

    /** Maps one row. */
    @FunctionalInterface
    public interface Row<T> {
        T map(ResultSet rs) throws SQLException;
    }

    private final DataSource dataSource;

    @Inject
    public Sql(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public int update(String sql, Object... params) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, params);
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new BillingStoreException(e);
        }
    }

    public <T> List<T> list(String sql, Row<T> row, Object... params) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                List<T> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(row.map(rs));
                }
                return out;
            }
        } catch (SQLException e) {
            throw new BillingStoreException(e);
        }
    }

    public <T> Optional<T> one(String sql, Row<T> row, Object... params) {
        List<T> rows = list(sql, row, params);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    /** Runs one statement many times with different parameters in one round trip. */
    public void batch(String sql, List<Object[]> rows) {
        if (rows.isEmpty()) {
            return;
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (Object[] params : rows) {
                bind(ps, params);
                ps.addBatch();
            }
            ps.executeBatch();
        } catch (SQLException e) {
            throw new BillingStoreException(e);
        }
    }

    private static void bind(PreparedStatement ps, Object[] params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            Object p = params[i];
            if (p instanceof Instant t) {
                ps.setObject(i + 1, t.atOffset(ZoneOffset.UTC));
            } else if (p instanceof UUID) {
                ps.setObject(i + 1, p, Types.OTHER);
            } else if (p instanceof Null n) {
                ps.setNull(i + 1, n.sqlType());
            } else {
                ps.setObject(i + 1, p);
            }
        }
    }

    /** A typed SQL NULL, so PostgreSQL knows the parameter's type. */
    public record Null(int sqlType) {
    }

    public static final Null NULL_UUID = new Null(Types.OTHER);
    public static final Null NULL_TIME = new Null(Types.TIMESTAMP_WITH_TIMEZONE);
    public static final Null NULL_TEXT = new Null(Types.VARCHAR);
    public static final Null NULL_LONG = new Null(Types.BIGINT);

    public static Object uuid(UUID v) {
        return v == null ? NULL_UUID : v;
    }

    public static Object time(Instant v) {
        return v == null ? NULL_TIME : v;
    }

    public static Object text(String v) {
        return v == null ? NULL_TEXT : v;
    }

    public static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    public static UUID uuid(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, UUID.class);
    }

    /** Database failures are infrastructure faults: never shown to clients (the mapper answers 500). */
    public static class BillingStoreException extends RuntimeException {
        BillingStoreException(SQLException e) {
            super(e.getMessage() + " (SQLState " + e.getSQLState() + ")", e);
        }

        public String sqlState() {
            return getCause() instanceof SQLException s ? s.getSQLState() : null;
        }
    }
}
