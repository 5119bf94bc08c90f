package io.proxima.adapter.out.persistence.billing;

import io.proxima.application.billing.port.out.WebhookEventStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;

@ApplicationScoped
public class JdbcWebhookEventStore implements WebhookEventStore {

    private final Sql sql;

    @Inject
    public JdbcWebhookEventStore(Sql sql) {
        this.sql = sql;
    }

    @Override
    public boolean record(String gateway, String eventId, String type, Instant at) {
        return sql.update("""
                INSERT INTO billing_webhook_events (gateway, event_id, type, received_at) VALUES (?, ?, ?, ?)
                ON CONFLICT (gateway, event_id) DO NOTHING""", gateway, eventId, Sql.text(type), at) == 1;
    }

    @Override
    public int purgeReceivedBefore(Instant cutoff) {
        return sql.update("DELETE FROM billing_webhook_events WHERE received_at < ?", cutoff);
    }
}
