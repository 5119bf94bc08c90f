package io.proxima.adapter.in.rest.security;

import io.proxima.application.audit.port.out.CallerContext;
import io.quarkus.arc.Arc;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.UUID;

/** The caller as the HTTP layer sees it, for audit records; empty outside requests. */
@ApplicationScoped
public class RestCallerContext implements CallerContext {

    @Inject
    CurrentVertxRequest currentRequest;

    @Override
    public Optional<UUID> userId() {
        return request().map(rc -> (String) rc.get(ProximaAuthMechanism.USER_ID_KEY)).map(UUID::fromString);
    }

    @Override
    public Optional<String> ipAddress() {
        return request().map(rc -> rc.request().remoteAddress()).map(a -> a.host());
    }

    @Override
    public Optional<String> userAgent() {
        return request().map(rc -> rc.request().getHeader("User-Agent"));
    }

    @Override
    public Optional<UUID> apiKeyId() {
        return request().map(rc -> (UUID) rc.get(ProximaAuthMechanism.API_KEY_ID_KEY));
    }

    /** A key's prefix is the start of the key itself, stored and shown in the key list (not secret). */
    @Override
    public Optional<String> apiKeyPrefix() {
        return apiKeyId().flatMap(id -> request().map(rc -> rc.request().getHeader(ProximaAuthMechanism.API_KEY_HEADER)))
                .filter(k -> k.length() >= io.proxima.domain.user.ApiKey.PREFIX_LENGTH)
                .map(k -> k.substring(0, io.proxima.domain.user.ApiKey.PREFIX_LENGTH));
    }

    private Optional<RoutingContext> request() {
        if (Arc.container() == null || !Arc.container().requestContext().isActive()) {
            return Optional.empty();
        }
        return Optional.ofNullable(currentRequest.getCurrent());
    }
}
