package io.proxima.application.monitoring.service;

import io.proxima.application.monitoring.port.out.AlertNotifier;
import io.proxima.application.monitoring.port.out.WebhookStore;
import io.proxima.application.monitoring.port.out.WebhookStore.Delivery;
import io.proxima.domain.monitoring.Alert;
import io.proxima.domain.monitoring.WebhookEvents;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Alert events into the webhook outbox, in the transaction that records the transition: if that
 * rolls back, nothing is sent; once it commits, the dispatcher delivers even across restarts.
 */
@ApplicationScoped
public class WebhookAlertNotifier implements AlertNotifier {

    private final WebhookStore store;
    private final Clock clock;

    @Inject
    public WebhookAlertNotifier(WebhookStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @Override
    public void triggered(Alert alert) {
        enqueue(WebhookEvents.ALERT_TRIGGERED, alert);
    }

    @Override
    public void resolved(Alert alert) {
        enqueue(WebhookEvents.ALERT_RESOLVED, alert);
    }

    private void enqueue(String type, Alert a) {
        Instant now = clock.instant();
        UUID eventId = UUID.randomUUID();
        String body = "{\"id\":" + Json.str(eventId.toString()) + ",\"type\":" + Json.str(type) + ",\"created_at\":"
                + Json.str(now.toString()) + ",\"data\":{\"alert\":{"
                + "\"id\":" + Json.str(a.id().toString()) + ",\"alert_type\":" + Json.str(a.alertType())
                + ",\"severity\":" + Json.str(a.severity().wireName()) + ",\"status\":" + Json.str(a.status().wireName())
                + ",\"message\":" + Json.str(a.message()) + ",\"resource_type\":" + Json.str(a.resourceType())
                + ",\"resource_id\":" + Json.str(a.resourceId().toString()) + ",\"resource_name\":" + Json.str(a.resourceName())
                + ",\"node_id\":" + Json.str(a.nodeId() == null ? null : a.nodeId().toString())
                + ",\"vm_id\":" + Json.str(a.vmId() == null ? null : a.vmId().toString())
                + ",\"value\":" + Json.num(a.value()) + ",\"threshold\":" + Json.num(a.threshold())
                + ",\"triggered_at\":" + Json.str(a.triggeredAt().toString())
                + ",\"resolved_at\":" + Json.str(a.resolvedAt() == null ? null : a.resolvedAt().toString()) + "}}}";
        List<Delivery> rows = new ArrayList<>();
        for (WebhookStore.Endpoint e : store.receivers(a.ownerId())) {
            if (WebhookEvents.matches(e.events(), type)) {
                rows.add(new Delivery(UUID.randomUUID(), eventId, e.id(), type, body, "pending", 0, now, null, null, now, null));
            }
        }
        store.enqueue(rows);
    }

    /** Just enough JSON writing for event bodies (the application layer has no JSON library). */
    static final class Json {

        private Json() {
        }

        static String str(String v) {
            if (v == null) {
                return "null";
            }
            StringBuilder sb = new StringBuilder(v.length() + 2).append('"');
            for (char c : v.toCharArray()) {
                switch (c) {
                    case '"' -> sb.append("\\\"");
                    case '\\' -> sb.append("\\\\");
                    case '\n' -> sb.append("\\n");
                    case '\r' -> sb.append("\\r");
                    case '\t' -> sb.append("\\t");
                    default -> {
                        if (c < 0x20) {
                            sb.append(String.format("\\u%04x", (int) c));
                        } else {
                            sb.append(c);
                        }
                    }
                }
            }
            return sb.append('"').toString();
        }

        static String num(Double v) {
            return v == null || v.isNaN() || v.isInfinite() ? "null" : Double.toString(v);
        }
    }
}
