package io.proxima.adapter.out.proxmox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import io.proxima.application.hypervisor.PveAuthenticationException;
import io.proxima.application.hypervisor.PveException;
import io.proxima.application.hypervisor.PveProtocolException;
import io.proxima.application.hypervisor.PveTimeoutException;
import io.proxima.application.hypervisor.PveTlsTrustException;
import io.proxima.application.hypervisor.PveUnreachableException;
import io.proxima.application.hypervisor.port.out.PveCredentials;
import io.proxima.application.hypervisor.port.out.PveNodeConnection;
import io.proxima.application.hypervisor.port.out.PveTlsTrust;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.PemTrustOptions;
import io.vertx.core.net.TrustOptions;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import javax.net.ssl.SSLException;
import org.jboss.logging.Logger;

/**
 * One PVE API endpoint: its pooled HTTP client with the node's TLS trust, its authentication
 * (API token, or ticket plus CSRF token renewed before expiry) and its circuit breaker. Calls
 * block the calling worker thread; they must never run on a Vert.x event loop.
 */
final class PveNodeClient implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(PveNodeClient.class);
    private static final String API = "/api2/json";

    private final Vertx vertx;
    private final PveNodeConnection conn;
    private final PveClientSettings settings;
    private final HttpClient http;
    private final Breaker breaker;
    private final LongSupplier clock;
    private final AtomicLong requests = new AtomicLong();
    private volatile Ticket ticket;

    PveNodeClient(Vertx vertx, PveNodeConnection conn, PveClientSettings settings, LongSupplier clock) {
        this.vertx = vertx;
        this.conn = conn;
        this.settings = settings;
        this.clock = clock;
        this.breaker = new Breaker(settings.breakerFailureThreshold(), settings.breakerOpenFor().toMillis(), clock);
        HttpClientOptions o = new HttpClientOptions()
                .setConnectTimeout((int) settings.connectTimeout().toMillis())
                .setKeepAlive(true);
        if (conn.isHttps()) {
            o.setSsl(true);
            PveTlsTrust tls = conn.tls();
            switch (tls.mode()) {
                case PINNED_FINGERPRINT -> o.setTrustOptions(TrustOptions.wrap(new PveTls.PinnedTrustManager(tls.sha256Fingerprint())))
                        .setVerifyHost(false);
                case CA_FILE -> o.setTrustOptions(new PemTrustOptions().addCertPath(tls.caFile())).setVerifyHost(true);
                case INSECURE -> {
                    // Allowed only as an explicit operator choice, and never silently.
                    LOG.warnf("TLS certificate verification is OFF for PVE endpoint %s (insecure flag set); "
                            + "pin the node's SHA-256 fingerprint instead", conn.baseUrl());
                    o.setTrustAll(true).setVerifyHost(false);
                }
                case SYSTEM -> o.setVerifyHost(true);
            }
        }
        this.http = vertx.createHttpClient(o, new PoolOptions().setHttp1MaxSize(settings.maxConnectionsPerNode()));
    }

    PveNodeConnection connection() {
        return conn;
    }

    long requestCount() {
        return requests.get();
    }

    JsonNode get(String path, PveParams query) {
        return data(call(HttpMethod.GET, path, query, null));
    }

    JsonNode post(String path, PveParams form) {
        return data(call(HttpMethod.POST, path, null, form));
    }

    JsonNode put(String path, PveParams form) {
        return data(call(HttpMethod.PUT, path, null, form));
    }

    JsonNode delete(String path, PveParams query) {
        return data(call(HttpMethod.DELETE, path, query, null));
    }

    /** The whole {@code {"data":..., "total":...}} envelope (task logs need {@code total}). */
    JsonNode getEnvelope(String path, PveParams query) {
        return call(HttpMethod.GET, path, query, null);
    }

    private static JsonNode data(JsonNode root) {
        JsonNode d = root.get("data");
        return d == null ? NullNode.getInstance() : d;
    }

    private JsonNode call(HttpMethod method, String path, PveParams query, PveParams form) {
        if (Context.isOnEventLoopThread()) {
            throw new IllegalStateException("PVE calls block; call them from a worker thread, not the event loop");
        }
        breaker.before(conn);
        boolean ticketAuth = conn.credentials() instanceof PveCredentials.UserPassword;
        for (int attempt = 0; ; attempt++) {
            Raw raw;
            try {
                raw = send(method, path, query, form);
            } catch (PveUnreachableException | PveTimeoutException e) {
                breaker.failure();
                throw e;
            }
            if (raw.status >= 595 && raw.status <= 599) {
                breaker.failure();
            } else {
                breaker.success();
            }
            if (raw.status == 401 && ticketAuth && attempt == 0) {
                // An expired or rotated ticket: log in again once, then give up.
                ticket = null;
                continue;
            }
            if (raw.status < 200 || raw.status >= 300) {
                throw PveErrors.decode(raw.status, raw.reason, raw.body);
            }
            return parse(raw);
        }
    }

    private JsonNode parse(Raw raw) {
        if (raw.body == null || raw.body.isBlank()) {
            throw new PveProtocolException("empty body where PVE always sends {\"data\":...}", raw.status);
        }
        try {
            JsonNode root = PveJson.MAPPER.readTree(raw.body);
            if (root == null || !root.isObject() || !root.has("data")) {
                throw new PveProtocolException("body without a data envelope", raw.status);
            }
            return root;
        } catch (PveProtocolException e) {
            throw e;
        } catch (Exception e) {
            throw new PveProtocolException("malformed JSON body: " + e.getClass().getSimpleName(), raw.status);
        }
    }

    private Raw send(HttpMethod method, String path, PveParams query, PveParams form) {
        String uri = conn.baseUrl().toString().replaceAll("/+$", "") + API + path
                + (query == null || query.isEmpty() ? "" : "?" + query.encode());
        RequestOptions ro = new RequestOptions().setMethod(method).setAbsoluteURI(uri)
                // also bounds the wait for a pooled connection, not only the TCP connect
                .setConnectTimeout(settings.connectTimeout().toMillis())
                .setIdleTimeout(settings.requestTimeout().toMillis())
                .putHeader("Accept", "application/json");
        authenticate(ro, method != HttpMethod.GET);
        String body = null;
        if (form != null) {
            body = form.encode();
            ro.putHeader("Content-Type", "application/x-www-form-urlencoded");
        }
        requests.incrementAndGet();
        final String sent = body;
        Future<Raw> f = onContext(() -> http.request(ro)
                .compose(req -> sent == null ? req.send() : req.send(Buffer.buffer(sent, "UTF-8")))
                .compose(resp -> resp.body().map(b -> new Raw(resp.statusCode(), resp.statusMessage(),
                        b.toString(StandardCharsets.UTF_8)))));
        long budget = settings.connectTimeout().toMillis() + settings.requestTimeout().toMillis() + 1000;
        try {
            return f.toCompletionStage().toCompletableFuture().get(budget, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new PveTimeoutException("no answer from " + conn.baseUrl() + " within " + budget + " ms (" + method + " " + path + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PveTimeoutException("interrupted while calling " + conn.baseUrl());
        } catch (ExecutionException e) {
            throw transportFailure(e.getCause(), method, path);
        }
    }

    private PveException transportFailure(Throwable cause, HttpMethod method, String path) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof SSLException) {
                return new PveTlsTrustException("TLS with " + conn.baseUrl() + " failed: " + rootMessage(cause));
            }
            String m = String.valueOf(t.getMessage());
            if (t instanceof java.util.concurrent.TimeoutException || m.contains("timeout period") || m.contains("timed out")) {
                return new PveTimeoutException("timeout calling " + conn.baseUrl() + " (" + method + " " + path + "): " + m);
            }
        }
        return new PveUnreachableException("transport failure calling " + conn.baseUrl() + " (" + method + " " + path + "): "
                + rootMessage(cause), 0);
    }

    private static String rootMessage(Throwable t) {
        Throwable r = t;
        while (r.getCause() != null && r.getCause() != r) {
            r = r.getCause();
        }
        return r.getClass().getSimpleName() + (r.getMessage() == null ? "" : ": " + r.getMessage());
    }

    private void authenticate(RequestOptions ro, boolean write) {
        if (conn.credentials() instanceof PveCredentials.ApiToken token) {
            ro.putHeader("Authorization", "PVEAPIToken=" + token.tokenId() + "=" + token.secret());
            return;
        }
        Ticket t = currentTicket();
        ro.putHeader("Cookie", "PVEAuthCookie=" + t.ticket);
        if (write) {
            ro.putHeader("CSRFPreventionToken", t.csrf);
        }
    }

    /** A valid ticket: the current one, a renewed one after {@code ticketRenewAfter}, or a fresh login. */
    private synchronized Ticket currentTicket() {
        PveCredentials.UserPassword up = (PveCredentials.UserPassword) conn.credentials();
        Ticket t = ticket;
        long now = clock.getAsLong();
        if (t != null && now - t.issuedAtMillis < settings.ticketRenewAfter().toMillis()) {
            return t;
        }
        // Renewal sends the current ticket as the password, as PVE's own GUI does.
        String password = t != null ? t.ticket : up.password();
        PveParams form = PveParams.create().add("username", up.username()).add("password", password);
        String uri = conn.baseUrl().toString().replaceAll("/+$", "") + API + "/access/ticket";
        RequestOptions ro = new RequestOptions().setMethod(HttpMethod.POST).setAbsoluteURI(uri)
                .setIdleTimeout(settings.requestTimeout().toMillis())
                .putHeader("Content-Type", "application/x-www-form-urlencoded");
        requests.incrementAndGet();
        Raw raw;
        try {
            raw = onContext(() -> http.request(ro).compose(req -> req.send(form.encode()))
                    .compose(resp -> resp.body().map(b -> new Raw(resp.statusCode(), resp.statusMessage(), b.toString()))))
                    .toCompletionStage().toCompletableFuture()
                    .get(settings.connectTimeout().toMillis() + settings.requestTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new PveTimeoutException("login to " + conn.baseUrl() + " timed out");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PveTimeoutException("interrupted during login");
        } catch (ExecutionException e) {
            throw transportFailure(e.getCause(), HttpMethod.POST, "/access/ticket");
        }
        if (raw.status != 200) {
            if (t != null && raw.status == 401) {
                ticket = null; // the old ticket expired before renewal: log in with the password
                return currentTicket();
            }
            throw raw.status == 401 ? new PveAuthenticationException(raw.reason, 401) : PveErrors.decode(raw.status, raw.reason, raw.body);
        }
        JsonNode d = data(parse(raw));
        String tk = PveJson.text(d, "ticket");
        String csrf = PveJson.text(d, "CSRFPreventionToken");
        if (tk == null || csrf == null) {
            throw new PveProtocolException("login answer without ticket or CSRF token", raw.status);
        }
        ticket = new Ticket(tk, csrf, now);
        return ticket;
    }

    /**
     * Runs a request chain on a Vert.x context. Composed from a plain worker thread, the
     * {@code body()} call can come after the response already ended, and the future then never
     * completes; on the context, the response and its body handler meet in the same event-loop turn.
     */
    private <T> Future<T> onContext(java.util.function.Supplier<Future<T>> chain) {
        Promise<T> promise = Promise.promise();
        vertx.getOrCreateContext().runOnContext(v -> chain.get().onComplete(promise));
        return promise.future();
    }

    boolean breakerOpen() {
        return breaker.isOpen();
    }

    @Override
    public void close() {
        http.close();
    }

    private record Raw(int status, String reason, String body) {
    }

    private record Ticket(String ticket, String csrf, long issuedAtMillis) {
    }

    /**
     * Per-node circuit breaker. After {@code threshold} consecutive transport failures the node
     * is skipped for {@code openForMillis}, then one trial call decides. Per node on purpose: an
     * annotation-level breaker would be shared by every node, so one dead node would stop all.
     */
    static final class Breaker {
        private final int threshold;
        private final long openForMillis;
        private final LongSupplier clock;
        private final AtomicInteger failures = new AtomicInteger();
        private final AtomicLong openUntil = new AtomicLong();

        Breaker(int threshold, long openForMillis, LongSupplier clock) {
            this.threshold = threshold;
            this.openForMillis = openForMillis;
            this.clock = clock;
        }

        void before(PveNodeConnection conn) {
            long until = openUntil.get();
            if (until == 0) {
                return;
            }
            long now = clock.getAsLong();
            if (now < until) {
                throw new PveUnreachableException("circuit open for " + conn.baseUrl() + " until "
                        + Instant.ofEpochMilli(until) + " after " + failures.get() + " failures", 0);
            }
            // half-open: let exactly one caller probe; others keep failing fast until it reports
            if (!openUntil.compareAndSet(until, now + openForMillis)) {
                throw new PveUnreachableException("circuit half-open for " + conn.baseUrl() + "; a probe is in flight", 0);
            }
        }

        void success() {
            failures.set(0);
            openUntil.set(0);
        }

        void failure() {
            if (failures.incrementAndGet() >= threshold) {
                openUntil.set(clock.getAsLong() + openForMillis);
            }
        }

        boolean isOpen() {
            long until = openUntil.get();
            return until != 0 && clock.getAsLong() < until;
        }
    }
}
