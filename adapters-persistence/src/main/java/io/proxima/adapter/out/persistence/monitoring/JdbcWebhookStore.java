package io.proxima.adapter.out.persistence.monitoring;

import io.proxima.adapter.out.persistence.billing.Sql;
import io.proxima.application.monitoring.port.out.WebhookStore;
import io.proxima.application.shared.Page;
import io.proxima.application.shared.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Webhook endpoints and the delivery outbox; due rows are claimed with SKIP LOCKED so instances share the work. */
@ApplicationScoped
public class JdbcWebhookStore implements WebhookStore {

    private static final String ENDPOINT = "id, owner_id, url, secret_encrypted, events, allow_private, enabled, description, "
            + "created_at, updated_at";
    private static final String DELIVERY = "id, event_id, endpoint_id, event_type, payload, status, attempts, next_attempt_at, "
            + "last_status_code, last_error, created_at, delivered_at";

    private final Sql sql;

    @Inject
    public JdbcWebhookStore(Sql sql) {
        this.sql = sql;
    }

    @Override
    public void insertEndpoint(Endpoint e) {
        sql.update("INSERT INTO webhook_endpoints (" + ENDPOINT + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", e.id(),
                Sql.uuid(e.ownerId()), e.url(), e.secretEncrypted(), String.join(",", e.events()), e.allowPrivate(), e.enabled(),
                Sql.text(e.description()), e.createdAt(), e.updatedAt());
    }

    @Override
    public void updateEndpoint(Endpoint e) {
        sql.update("UPDATE webhook_endpoints SET url = ?, events = ?, allow_private = ?, enabled = ?, description = ?, "
                        + "updated_at = ? WHERE id = ?", e.url(), String.join(",", e.events()), e.allowPrivate(), e.enabled(),
                Sql.text(e.description()), e.updatedAt(), e.id());
    }

    @Override
    public void deleteEndpoint(UUID id) {
        sql.update("DELETE FROM webhook_endpoints WHERE id = ?", id);
    }

    @Override
    public Optional<Endpoint> endpoint(UUID id) {
        return sql.one("SELECT " + ENDPOINT + " FROM webhook_endpoints WHERE id = ?", JdbcWebhookStore::endpoint, id);
    }

    @Override
    public Page<Endpoint> endpoints(UUID ownerId, PageRequest page) {
        String where = ownerId == null ? "" : " WHERE owner_id = ?";
        Object[] p = ownerId == null ? new Object[0] : new Object[] {ownerId};
        long total = sql.one("SELECT count(*) FROM webhook_endpoints" + where, rs -> rs.getLong(1), p).orElse(0L);
        return new Page<>(sql.list("SELECT " + ENDPOINT + " FROM webhook_endpoints" + where + " ORDER BY created_at DESC, id LIMIT "
                + page.perPage() + " OFFSET " + page.offset(), JdbcWebhookStore::endpoint, p), page, total);
    }

    @Override
    public List<Endpoint> receivers(UUID ownerId) {
        return ownerId == null
                ? sql.list("SELECT " + ENDPOINT + " FROM webhook_endpoints WHERE enabled AND owner_id IS NULL", JdbcWebhookStore::endpoint)
                : sql.list("SELECT " + ENDPOINT + " FROM webhook_endpoints WHERE enabled AND (owner_id IS NULL OR owner_id = ?)",
                JdbcWebhookStore::endpoint, ownerId);
    }

    @Override
    public void enqueue(List<Delivery> deliveries) {
        List<Object[]> rows = new ArrayList<>();
        for (Delivery d : deliveries) {
            rows.add(new Object[] {d.id(), d.eventId(), d.endpointId(), d.eventType(), d.payload(), d.status(), d.attempts(),
                    d.nextAttemptAt(), d.createdAt()});
        }
        sql.batch("INSERT INTO webhook_deliveries (id, event_id, endpoint_id, event_type, payload, status, attempts, "
                + "next_attempt_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (event_id, endpoint_id) DO NOTHING", rows);
    }

    @Override
    public List<Delivery> claimDue(Instant now, int limit, Instant leaseUntil) {
        return sql.list("UPDATE webhook_deliveries SET next_attempt_at = ? WHERE id IN (SELECT id FROM webhook_deliveries "
                + "WHERE status = 'pending' AND next_attempt_at <= ? ORDER BY next_attempt_at LIMIT " + limit
                + " FOR UPDATE SKIP LOCKED) RETURNING " + DELIVERY, JdbcWebhookStore::delivery, leaseUntil, now);
    }

    @Override
    public void recordAttempt(Attempt a, String status, Instant nextAttemptAt, Instant deliveredAt) {
        sql.update("INSERT INTO webhook_attempts (delivery_id, attempted_at, status_code, error, duration_ms) VALUES (?, ?, ?, ?, ?)",
                a.deliveryId(), a.at(), a.statusCode() == null ? new Sql.Null(java.sql.Types.INTEGER) : a.statusCode(),
                Sql.text(a.error()), a.durationMillis());
        sql.update("UPDATE webhook_deliveries SET status = ?, attempts = attempts + 1, next_attempt_at = ?, last_status_code = ?, "
                        + "last_error = ?, delivered_at = ? WHERE id = ?", status, nextAttemptAt,
                a.statusCode() == null ? new Sql.Null(java.sql.Types.INTEGER) : a.statusCode(), Sql.text(a.error()),
                Sql.time(deliveredAt), a.deliveryId());
    }

    @Override
    public Optional<Delivery> delivery(UUID id) {
        return sql.one("SELECT " + DELIVERY + " FROM webhook_deliveries WHERE id = ?", JdbcWebhookStore::delivery, id);
    }

    @Override
    public Page<Delivery> deliveries(UUID endpointId, PageRequest page) {
        long total = sql.one("SELECT count(*) FROM webhook_deliveries WHERE endpoint_id = ?", rs -> rs.getLong(1), endpointId).orElse(0L);
        return new Page<>(sql.list("SELECT " + DELIVERY + " FROM webhook_deliveries WHERE endpoint_id = ? ORDER BY created_at DESC, id "
                + "LIMIT " + page.perPage() + " OFFSET " + page.offset(), JdbcWebhookStore::delivery, endpointId), page, total);
    }

    @Override
    public List<Attempt> attempts(UUID deliveryId) {
        return sql.list("SELECT delivery_id, attempted_at, status_code, error, duration_ms FROM webhook_attempts "
                + "WHERE delivery_id = ? ORDER BY attempted_at, id", rs -> {
                    int code = rs.getInt("status_code");
                    return new Attempt(Sql.uuid(rs, "delivery_id"), Sql.instant(rs, "attempted_at"), rs.wasNull() ? null : code,
                            rs.getString("error"), rs.getLong("duration_ms"));
                }, deliveryId);
    }

    @Override
    public Health health() {
        long endpoints = sql.one("SELECT count(*) FROM webhook_endpoints WHERE enabled", rs -> rs.getLong(1)).orElse(0L);
        return sql.one("SELECT count(*) FILTER (WHERE status = 'pending') AS p, "
                        + "count(*) FILTER (WHERE status = 'pending' AND attempts > 0) AS r, "
                        + "count(*) FILTER (WHERE status = 'failed' AND created_at > now() - interval '1 day') AS f "
                        + "FROM webhook_deliveries WHERE status IN ('pending', 'failed')",
                rs -> new Health(endpoints, rs.getLong("p"), rs.getLong("r"), rs.getLong("f"))).orElseThrow();
    }

    @Override
    public void redeliver(UUID deliveryId, Instant now) {
        sql.update("UPDATE webhook_deliveries SET status = 'pending', next_attempt_at = ? WHERE id = ?", now, deliveryId);
    }

    private static Endpoint endpoint(ResultSet rs) throws SQLException {
        return new Endpoint(Sql.uuid(rs, "id"), Sql.uuid(rs, "owner_id"), rs.getString("url"), rs.getString("secret_encrypted"),
                new LinkedHashSet<>(Arrays.asList(rs.getString("events").split(","))), rs.getBoolean("allow_private"),
                rs.getBoolean("enabled"), rs.getString("description"), Sql.instant(rs, "created_at"), Sql.instant(rs, "updated_at"));
    }

    private static Delivery delivery(ResultSet rs) throws SQLException {
        int code = rs.getInt("last_status_code");
        Integer last = rs.wasNull() ? null : code;
        return new Delivery(Sql.uuid(rs, "id"), Sql.uuid(rs, "event_id"), Sql.uuid(rs, "endpoint_id"), rs.getString("event_type"),
                rs.getString("payload"), rs.getString("status"), rs.getInt("attempts"), Sql.instant(rs, "next_attempt_at"),
                last, rs.getString("last_error"), Sql.instant(rs, "created_at"), Sql.instant(rs, "delivered_at"));
    }
}
