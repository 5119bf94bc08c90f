package io.proxima.adapter.in.rest.common;

import io.proxima.application.shared.port.out.PublicUrls;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpServerResponse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * Response headers of issue 11, on every route (REST, Swagger UI, health, WebSocket upgrades):
 * {@code X-Content-Type-Options: nosniff} everywhere; {@code Cache-Control: no-store} on the API
 * (its answers carry tokens, keys, TOTP secrets and personal data, none of which a shared cache
 * or the browser's disk may keep); a Content-Security-Policy with {@code frame-ancestors 'none'}
 * on Swagger UI (no clickjacking of an operator's console); HSTS when the configured public URL
 * is https. CORS stays off unless the operator configures {@code quarkus.http.cors}.
 */
@ApplicationScoped
public class SecurityHeaders {

    static final String SWAGGER_CSP = "default-src 'self'; script-src 'self' 'unsafe-inline'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'";

    @Inject
    PublicUrls publicUrls;

    void register(@Observes Filters filters) {
        filters.register(rc -> {
            String path = rc.normalizedPath();
            HttpServerResponse r = rc.response();
            r.putHeader("X-Content-Type-Options", "nosniff");
            if (path.startsWith("/api/")) {
                r.putHeader("Cache-Control", "no-store");
            } else if (path.startsWith("/q/swagger-ui")) {
                r.putHeader("Content-Security-Policy", SWAGGER_CSP);
                r.putHeader("X-Frame-Options", "DENY");
            }
            if (publicUrls.base().startsWith("https://")) {
                r.putHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
            }
            rc.next();
        }, 50);
    }
}
