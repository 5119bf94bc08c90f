package io.proxima.application.monitoring.service;

import io.proxima.application.audit.AuditEvent;
import io.proxima.application.audit.port.in.AuditLog;
import io.proxima.application.monitoring.port.in.WebhookUseCase;
import io.proxima.application.monitoring.port.out.WebhookSender;
import io.proxima.application.monitoring.port.out.WebhookSender.Outcome;
import io.proxima.application.monitoring.port.out.WebhookSettings;
import io.proxima.application.monitoring.port.out.WebhookStore;
import io.proxima.application.monitoring.port.out.WebhookStore.Attempt;
import io.proxima.application.monitoring.port.out.WebhookStore.Delivery;
import io.proxima.application.monitoring.port.out.WebhookStore.Endpoint;
import io.proxima.application.shared.Page;
import io.proxima.application.shared.PageRequest;
import io.proxima.application.shared.port.out.SecretCipher;
import io.proxima.application.vm.port.in.VmActionsUseCase.Actor;
import io.proxima.domain.monitoring.WebhookEvents;
import io.proxima.domain.monitoring.WebhookUrl;
import io.proxima.domain.shared.NotFoundException;
import io.proxima.domain.shared.ValidationException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/**
 * Webhook endpoints and their delivery. Sending happens outside any transaction: a receiver that
 * hangs or answers 500 costs one worker its timeout, never the API or alerting. Failed attempts
 * retry with exponential backoff until {@code giveUpAfter} from the event, then the delivery is
 * {@code failed}; a delivered event is never sent again unless an administrator asks.
 */
@ApplicationScoped
public class WebhookService implements WebhookUseCase {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final WebhookStore store;
    private final WebhookSender sender;
    private final SecretCipher cipher;
    private final WebhookSettings settings;
    private final AuditLog audit;
    private final Clock clock;

    @Inject
    public WebhookService(WebhookStore store, WebhookSender sender, SecretCipher cipher, WebhookSettings settings,
                          AuditLog audit, Clock clock) {
        this.store = store;
        this.sender = sender;
        this.cipher = cipher;
        this.settings = settings;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    @Transactional
    public CreatedEndpoint create(EndpointCommand c, Actor actor) {
        boolean allowPrivate = allowPrivate(c, actor);
        WebhookUrl url = WebhookUrl.parse(c.url(), allowPrivate);
        byte[] raw = new byte[32];
        RANDOM.nextBytes(raw);
        String secret = "whsec_" + HexFormat.of().formatHex(raw);
        Instant now = clock.instant();
        Endpoint e = new Endpoint(UUID.randomUUID(), actor.admin() ? null : actor.userId(), url.value(), cipher.encrypt(secret),
                WebhookEvents.parse(c.events()), allowPrivate, c.enabled() == null || c.enabled(), description(c), now, now);
        store.insertEndpoint(e);
        audit.record(AuditEvent.of("webhook.create", "webhook", e.id()).detail("url", e.url()));
        return new CreatedEndpoint(e, secret);
    }

    @Override
    @Transactional
    public Endpoint update(UUID id, EndpointCommand c, Actor actor) {
        Endpoint current = get(id, actor);
        boolean allowPrivate = c.allowPrivate() == null ? current.allowPrivate() : allowPrivate(c, actor);
        WebhookUrl url = WebhookUrl.parse(c.url() == null ? current.url() : c.url(), allowPrivate);
        Endpoint e = new Endpoint(id, current.ownerId(), url.value(), current.secretEncrypted(),
                c.events() == null ? current.events() : WebhookEvents.parse(c.events()), allowPrivate,
                c.enabled() == null ? current.enabled() : c.enabled(), c.description() == null ? current.description() : description(c),
                current.createdAt(), clock.instant());
        store.updateEndpoint(e);
        audit.record(AuditEvent.of("webhook.update", "webhook", id));
        return e;
    }

    @Override
    @Transactional
    public void delete(UUID id, Actor actor) {
        get(id, actor);
        store.deleteEndpoint(id);
        audit.record(AuditEvent.of("webhook.delete", "webhook", id));
    }

    @Override
    @Transactional
    public Endpoint get(UUID id, Actor actor) {
        Endpoint e = store.endpoint(id).orElseThrow(() -> new NotFoundException("Webhook", id));
        if (!actor.admin() && !actor.userId().equals(e.ownerId())) {
            throw new NotFoundException("Webhook", id);
        }
        return e;
    }

    @Override
    @Transactional
    public Page<Endpoint> list(PageRequest page, Actor actor) {
        return store.endpoints(actor.admin() ? null : actor.userId(), page);
    }

    @Override
    @Transactional
    public Page<Delivery> deliveries(UUID endpointId, PageRequest page, Actor actor) {
        get(endpointId, actor);
        return store.deliveries(endpointId, page);
    }

    @Override
    @Transactional
    public List<Attempt> attempts(UUID endpointId, UUID deliveryId, Actor actor) {
        delivery(endpointId, deliveryId, actor);
        return store.attempts(deliveryId);
    }

    @Override
    @Transactional
    public Delivery redeliver(UUID endpointId, UUID deliveryId, Actor actor) {
        delivery(endpointId, deliveryId, actor);
        store.redeliver(deliveryId, clock.instant());
        audit.record(AuditEvent.of("webhook.redeliver", "webhook_delivery", deliveryId));
        return store.delivery(deliveryId).orElseThrow();
    }

    private Delivery delivery(UUID endpointId, UUID deliveryId, Actor actor) {
        get(endpointId, actor);
        return store.delivery(deliveryId).filter(d -> d.endpointId().equals(endpointId))
                .orElseThrow(() -> new NotFoundException("Webhook delivery", deliveryId));
    }

    @Override
    public int dispatchDue() {
        Instant now = clock.instant();
        List<Delivery> due = claim(now);
        for (Delivery d : due) {
            Endpoint e = store.endpoint(d.endpointId()).orElse(null);
            if (e == null) {
                continue;
            }
            Outcome o = sender.send(e.url(), cipher.decrypt(e.secretEncrypted()), e.allowPrivate(), d.eventId().toString(),
                    d.eventType(), d.payload(), settings.timeout());
            settle(d, o);
        }
        return due.size();
    }

    @Transactional
    List<Delivery> claim(Instant now) {
        // The lease outlasts one attempt, so a crash mid-send only delays the retry.
        return store.claimDue(now, settings.batch(), now.plus(settings.timeout()).plusSeconds(30));
    }

    @Transactional
    void settle(Delivery d, Outcome o) {
        Instant now = clock.instant();
        Attempt attempt = new Attempt(d.id(), now, o.statusCode(), o.error() == null ? null : truncate(o.error()), o.durationMillis());
        if (o.delivered()) {
            store.recordAttempt(attempt, "delivered", now, now);
            return;
        }
        int attempts = d.attempts() + 1;
        Duration backoff = settings.firstRetry().multipliedBy(1L << Math.min(attempts - 1, 20));
        if (backoff.compareTo(settings.maxBackoff()) > 0) {
            backoff = settings.maxBackoff();
        }
        Instant next = now.plus(backoff);
        boolean giveUp = next.isAfter(d.createdAt().plus(settings.giveUpAfter()));
        store.recordAttempt(attempt, giveUp ? "failed" : "pending", next, null);
    }

    private static String truncate(String s) {
        return s.length() <= 500 ? s : s.substring(0, 500);
    }

    private static boolean allowPrivate(EndpointCommand c, Actor actor) {
        if (Boolean.TRUE.equals(c.allowPrivate()) && !actor.admin()) {
            throw ValidationException.of("allow_private", "validation.webhook.allow_private", "only administrators may allow internal addresses");
        }
        return Boolean.TRUE.equals(c.allowPrivate());
    }

    private static String description(EndpointCommand c) {
        if (c.description() != null && c.description().length() > 200) {
            throw ValidationException.of("description", "validation.length", "at most 200 characters");
        }
        return c.description();
    }
}
