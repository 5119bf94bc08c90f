package io.proxima.application.monitoring.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.proxima.application.audit.AuditEvent;
import io.proxima.application.audit.port.in.AuditLog;
import io.proxima.application.monitoring.port.out.WebhookSender;
import io.proxima.application.monitoring.port.out.WebhookSettings;
import io.proxima.application.monitoring.port.out.WebhookStore;
import io.proxima.application.shared.Page;
import io.proxima.application.shared.PageRequest;
import io.proxima.application.shared.port.out.SecretCipher;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Delivery rules of the webhook dispatcher with in-memory fakes: backoff, give-up, exactly one success. */
class WebhookDeliveryTest {

    private Instant now = Instant.parse("2026-01-01T00:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };

    private final Store store = new Store();
    private final List<Integer> answers = new ArrayList<>();
    private int sent;
    private final WebhookSender sender = (url, secret, allowPrivate, eventId, type, body, timeout) -> {
        sent++;
        int code = answers.isEmpty() ? 200 : answers.remove(0);
        return new WebhookSender.Outcome(code, code < 300 ? null : "HTTP " + code, 5);
    };
    private final WebhookService service = new WebhookService(store, sender, new SecretCipher() {
        @Override
        public String encrypt(String plaintext) {
            return plaintext;
        }

        @Override
        public String decrypt(String ciphertext) {
            return ciphertext;
        }
    }, new WebhookSettings(Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofMinutes(4), Duration.ofMinutes(6), 50),
            new AuditLog() {
                @Override
                public void record(AuditEvent event) {
                }

                @Override
                public void recordSeparately(AuditEvent event) {
                }
            }, clock);

    private WebhookStore.Delivery queue() {
        UUID endpoint = UUID.randomUUID();
        store.endpoints.put(endpoint, new WebhookStore.Endpoint(endpoint, null, "https://hooks.example.com", "s", Set.of("*"),
                false, true, null, now, now));
        WebhookStore.Delivery d = new WebhookStore.Delivery(UUID.randomUUID(), UUID.randomUUID(), endpoint, "alert.triggered",
                "{}", "pending", 0, now, null, null, now, null);
        store.enqueue(List.of(d));
        return d;
    }

    @Test
    void failures_back_off_exponentially_and_give_up_after_the_limit() {
        WebhookStore.Delivery d = queue();
        answers.addAll(List.of(500, 500, 500, 500, 500));
        service.dispatchDue();
        assertThat(store.rows.get(d.id()).nextAttemptAt()).isEqualTo(now.plusSeconds(30));
        assertThat(service.dispatchDue()).as("not due before its backoff").isZero();
        now = now.plusSeconds(30);
        service.dispatchDue();
        assertThat(store.rows.get(d.id()).nextAttemptAt()).isEqualTo(now.plusSeconds(60));
        now = now.plusSeconds(60);
        service.dispatchDue();
        assertThat(store.rows.get(d.id()).nextAttemptAt()).isEqualTo(now.plusSeconds(120));
        now = now.plusSeconds(120);
        service.dispatchDue(); // the next try would be at 7.5 min: past the 6-minute limit
        assertThat(store.rows.get(d.id()).status()).isEqualTo("failed");
        assertThat(store.rows.get(d.id()).attempts()).isEqualTo(4);
        now = now.plusSeconds(3600);
        assertThat(service.dispatchDue()).isZero();
        assertThat(sent).isEqualTo(4);
    }

    @Test
    void a_delivered_event_is_not_sent_again() {
        WebhookStore.Delivery d = queue();
        service.dispatchDue();
        now = now.plusSeconds(3600);
        service.dispatchDue();
        assertThat(store.rows.get(d.id()).status()).isEqualTo("delivered");
        assertThat(store.rows.get(d.id()).lastStatusCode()).isEqualTo(200);
        assertThat(sent).isEqualTo(1);
        // The same event queued again for the same endpoint is ignored (outbox key).
        store.enqueue(List.of(new WebhookStore.Delivery(UUID.randomUUID(), d.eventId(), d.endpointId(), d.eventType(), "{}",
                "pending", 0, now, null, null, now, null)));
        assertThat(service.dispatchDue()).isZero();
    }

    /** Just the outbox behaviour the dispatcher relies on. */
    static final class Store implements WebhookStore {
        final Map<UUID, Endpoint> endpoints = new LinkedHashMap<>();
        final Map<UUID, Delivery> rows = new LinkedHashMap<>();

        @Override
        public void enqueue(List<Delivery> deliveries) {
            for (Delivery d : deliveries) {
                boolean dup = rows.values().stream().anyMatch(r -> r.eventId().equals(d.eventId()) && r.endpointId().equals(d.endpointId()));
                if (!dup) {
                    rows.put(d.id(), d);
                }
            }
        }

        @Override
        public List<Delivery> claimDue(Instant now, int limit, Instant leaseUntil) {
            List<Delivery> out = new ArrayList<>();
            for (Delivery d : List.copyOf(rows.values())) {
                if ("pending".equals(d.status()) && !d.nextAttemptAt().isAfter(now) && out.size() < limit) {
                    Delivery leased = new Delivery(d.id(), d.eventId(), d.endpointId(), d.eventType(), d.payload(), d.status(),
                            d.attempts(), leaseUntil, d.lastStatusCode(), d.lastError(), d.createdAt(), d.deliveredAt());
                    rows.put(d.id(), leased);
                    out.add(leased);
                }
            }
            return out;
        }

        @Override
        public void recordAttempt(Attempt a, String status, Instant nextAttemptAt, Instant deliveredAt) {
            Delivery d = rows.get(a.deliveryId());
            rows.put(d.id(), new Delivery(d.id(), d.eventId(), d.endpointId(), d.eventType(), d.payload(), status, d.attempts() + 1,
                    nextAttemptAt, a.statusCode(), a.error(), d.createdAt(), deliveredAt));
        }

        @Override
        public Optional<Endpoint> endpoint(UUID id) {
            return Optional.ofNullable(endpoints.get(id));
        }

        @Override
        public void insertEndpoint(Endpoint e) {
            endpoints.put(e.id(), e);
        }

        @Override
        public void updateEndpoint(Endpoint e) {
            endpoints.put(e.id(), e);
        }

        @Override
        public void deleteEndpoint(UUID id) {
            endpoints.remove(id);
        }

        @Override
        public Page<Endpoint> endpoints(UUID ownerId, PageRequest page) {
            return page(endpoints.values().stream().filter(e -> ownerId == null || ownerId.equals(e.ownerId())).toList(), page);
        }

        @Override
        public List<Endpoint> receivers(UUID ownerId) {
            return List.copyOf(endpoints.values());
        }

        @Override
        public Optional<Delivery> delivery(UUID id) {
            return Optional.ofNullable(rows.get(id));
        }

        @Override
        public Page<Delivery> deliveries(UUID endpointId, PageRequest page) {
            return page(rows.values().stream().filter(d -> d.endpointId().equals(endpointId)).toList(), page);
        }

        @Override
        public List<Attempt> attempts(UUID deliveryId) {
            return List.of();
        }

        @Override
        public Health health() {
            return new Health(endpoints.size(), 0, 0, 0);
        }

        @Override
        public void redeliver(UUID deliveryId, Instant now) {
            Delivery d = rows.get(deliveryId);
            rows.put(d.id(), new Delivery(d.id(), d.eventId(), d.endpointId(), d.eventType(), d.payload(), "pending", d.attempts(),
                    now, d.lastStatusCode(), d.lastError(), d.createdAt(), null));
        }

        private static <T> Page<T> page(List<T> all, PageRequest page) {
            List<T> items = all.stream().skip(page.offset()).limit(page.perPage()).toList();
            return new Page<>(items, page, all.size());
        }
    }
}
