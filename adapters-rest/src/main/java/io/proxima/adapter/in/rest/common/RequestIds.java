package io.proxima.adapter.in.rest.common;

import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jboss.logging.MDC;

/**
 * Gives every HTTP request (API, health, metrics alike) a correlation id: the caller's
 * {@code X-Request-Id} when it is sane, a fresh UUID otherwise. The id is echoed in the
 * response header, written to the log MDC as {@code request_id} and put into error bodies.
 */
@ApplicationScoped
public class RequestIds {

    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "request_id";
    private static final String CONTEXT_KEY = "proxima.request_id";
    // Echoing arbitrary text into headers and logs invites log forging; accept only token chars.
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    @Inject
    CurrentVertxRequest currentRequest;

    void register(@Observes Filters filters) {
        filters.register(rc -> {
            String incoming = rc.request().getHeader(HEADER);
            String id = incoming != null && SAFE.matcher(incoming).matches() ? incoming : UUID.randomUUID().toString();
            rc.put(CONTEXT_KEY, id);
            rc.response().putHeader(HEADER, id);
            MDC.put(MDC_KEY, id);
            rc.addEndHandler(ignored -> MDC.remove(MDC_KEY));
            rc.next();
        }, 1000);
    }

    /** The id of the request being served, or null outside of an HTTP request. */
    public String current() {
        RoutingContext rc = currentRequest.getCurrent();
        if (rc != null) {
            Object id = rc.get(CONTEXT_KEY);
            if (id != null) {
                return id.toString();
            }
        }
        Object fromMdc = MDC.get(MDC_KEY);
        return fromMdc == null ? null : fromMdc.toString();
    }
}
