package io.proxima.application.monitoring.port.out;

import io.proxima.application.shared.Page;
import io.proxima.application.shared.PageRequest;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Webhook endpoints, the delivery outbox and the attempt log. */
public interface WebhookStore {

    /** {@code ownerId} null: an administrator's endpoint, which receives every event. */
    record Endpoint(UUID id, UUID ownerId, String url, String secretEncrypted, Set<String> events, boolean allowPrivate,
                    boolean enabled, String description, Instant createdAt, Instant updatedAt) {
    }

    /** One event for one endpoint: {@code pending} until delivered (2xx) or {@code failed} for good. */
    record Delivery(UUID id, UUID eventId, UUID endpointId, String eventType, String payload, String status, int attempts,
                    Instant nextAttemptAt, Integer lastStatusCode, String lastError, Instant createdAt, Instant deliveredAt) {
    }

    record Attempt(UUID deliveryId, Instant at, Integer statusCode, String error, long durationMillis) {
    }

    void insertEndpoint(Endpoint e);

    void updateEndpoint(Endpoint e);

    void deleteEndpoint(UUID id);

    Optional<Endpoint> endpoint(UUID id);

    Page<Endpoint> endpoints(UUID ownerId, PageRequest page);

    /** Enabled endpoints that receive events of {@code ownerId} (administrators' endpoints receive all). */
    List<Endpoint> receivers(UUID ownerId);

    /** Outbox rows; an event already queued for an endpoint is not queued twice. */
    void enqueue(List<Delivery> deliveries);

    /**
     * Claims up to {@code limit} due pending deliveries for this instance (SKIP LOCKED) and pushes
     * their next attempt to {@code leaseUntil}, so no other instance sends them meanwhile.
     */
    List<Delivery> claimDue(Instant now, int limit, Instant leaseUntil);

    /** Records an attempt and the delivery's new state. */
    void recordAttempt(Attempt attempt, String status, Instant nextAttemptAt, Instant deliveredAt);

    Optional<Delivery> delivery(UUID id);

    Page<Delivery> deliveries(UUID endpointId, PageRequest page);

    List<Attempt> attempts(UUID deliveryId);

    /** The outbox at a glance, for the plugins list. */
    record Health(long enabledEndpoints, long pending, long retrying, long failed) {
    }

    Health health();

    /** Queues a delivery again at once (manual redelivery). */
    void redeliver(UUID deliveryId, Instant now);
}
