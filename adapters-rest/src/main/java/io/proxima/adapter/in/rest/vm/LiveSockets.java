package io.proxima.adapter.in.rest.vm;

import io.proxima.application.user.port.in.SessionValidityUseCase;
import io.proxima.application.user.port.in.SessionValidityUseCase.SessionRef;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The open WebSockets (console and metrics stream) of this instance. Two jobs:
 * <ul>
 * <li>the per-user limit ({@code proxima.ws.max-per-user}, SPEC section 2), one count for both
 *     kinds, per instance;</li>
 * <li>every {@code proxima.ws.revalidate-interval} each distinct session behind an open socket is
 *     checked against the database ({@link SessionValidityUseCase}); sockets whose session ended
 *     (logout, revocation, password change or reset, user disabled or deleted, role change, key
 *     disabled) are closed with 4401. The database is the shared truth, so a revocation made on any
 *     instance closes the sockets on every instance within one interval.</li>
 * </ul>
 */
@ApplicationScoped
public class LiveSockets {

    /** Close code of a socket whose session ended. */
    public static final short SESSION_ENDED = 4401;

    private static final Logger LOG = Logger.getLogger(LiveSockets.class);

    private record Live(UUID userId, SessionRef session, Runnable close) {
    }

    @Inject
    SessionValidityUseCase validity;

    @Inject
    Vertx vertx;

    @ConfigProperty(name = "proxima.ws.revalidate-interval", defaultValue = "2s")
    Duration interval;

    @ConfigProperty(name = "proxima.ws.max-per-user", defaultValue = "5")
    int maxPerUser;

    private final Map<String, Live> sockets = new ConcurrentHashMap<>();
    private final Map<UUID, Integer> perUser = new HashMap<>();
    private final AtomicBoolean sweeping = new AtomicBoolean();
    private volatile long timer = -1;

    void start(@Observes StartupEvent ignored) {
        timer = vertx.setPeriodic(Math.max(200, interval.toMillis()), t -> sweep());
    }

    @PreDestroy
    void stop() {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }

    /** Registers an open socket; false (and nothing registered) when the user is at the limit. */
    public boolean register(String connectionId, SessionRef session, Runnable close) {
        UUID user = session.userId().value();
        synchronized (perUser) {
            int n = perUser.getOrDefault(user, 0);
            if (n >= maxPerUser) {
                return false;
            }
            perUser.put(user, n + 1);
        }
        sockets.put(connectionId, new Live(user, session, close));
        return true;
    }

    public void unregister(String connectionId) {
        Live live = sockets.remove(connectionId);
        if (live != null) {
            synchronized (perUser) {
                perUser.computeIfPresent(live.userId(), (k, n) -> n <= 1 ? null : n - 1);
            }
        }
    }

    /** Open sockets of the user on this instance (tests). */
    public int openFor(UUID userId) {
        synchronized (perUser) {
            return perUser.getOrDefault(userId, 0);
        }
    }

    public int maxPerUser() {
        return maxPerUser;
    }

    private void sweep() {
        if (sockets.isEmpty() || !sweeping.compareAndSet(false, true)) {
            return;
        }
        vertx.executeBlocking(() -> {
            try {
                Map<SessionRef, List<String>> bySession = new HashMap<>();
                sockets.forEach((id, live) -> bySession.computeIfAbsent(live.session(), k -> new ArrayList<>()).add(id));
                for (Map.Entry<SessionRef, List<String>> e : bySession.entrySet()) {
                    boolean valid;
                    try {
                        valid = validity.stillValid(e.getKey());
                    } catch (RuntimeException failure) {
                        // Database unreachable: keep the sockets this round rather than drop every console.
                        LOG.debugf(failure, "session re-check failed");
                        continue;
                    }
                    if (!valid) {
                        for (String id : e.getValue()) {
                            Live live = sockets.get(id);
                            unregister(id);
                            if (live != null) {
                                live.close().run();
                            }
                        }
                    }
                }
            } finally {
                sweeping.set(false);
            }
            return null;
        }, false);
    }
}
