package io.proxima.domain.monitoring;

import io.proxima.domain.shared.ValidationException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The event types a webhook endpoint can subscribe to; {@code *} means all of them. */
public final class WebhookEvents {

    public static final String ALERT_TRIGGERED = "alert.triggered";
    public static final String ALERT_RESOLVED = "alert.resolved";
    public static final Set<String> KNOWN = Set.of(ALERT_TRIGGERED, ALERT_RESOLVED, "*");

    private WebhookEvents() {
    }

    public static Set<String> parse(List<String> raw) {
        if (raw == null || raw.isEmpty()) {
            return Set.of("*");
        }
        Set<String> out = new LinkedHashSet<>();
        for (String e : raw) {
            String v = e == null ? "" : e.trim().toLowerCase(java.util.Locale.ROOT);
            if (!KNOWN.contains(v)) {
                throw ValidationException.of("events", "validation.webhook.events", "must be among alert.triggered, alert.resolved, *");
            }
            out.add(v);
        }
        return Set.copyOf(out);
    }

    public static boolean matches(Set<String> subscribed, String type) {
        return subscribed.contains("*") || subscribed.contains(type);
    }
}
