package io.proxima.adapter.in.rest.security;

import io.proxima.application.user.port.in.AuthenticatedPrincipal;
import io.proxima.domain.user.ApiKeyScope;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.Context;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.Response;
import java.util.Set;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Runs before every resource: enforces API-key scopes ({@code read} for GET/HEAD/OPTIONS,
 * {@code write} for everything else) and the rate limits, and adds the {@code X-RateLimit-*}
 * headers to the response.
 */
public class ApiGuardFilter {

    /** The anonymous credential endpoints: limited per client address (brute force, mail flooding). */
    static final Set<String> AUTH_ROUTES = Set.of("/api/v1/auth/register", "/api/v1/auth/verify",
            "/api/v1/auth/verify/resend", "/api/v1/auth/login", "/api/v1/auth/admin/login", "/api/v1/auth/refresh",
            "/api/v1/auth/password/forgot", "/api/v1/auth/password/reset", "/api/v1/auth/account-change/undo",
            "/api/v1/auth/account-change/undo/form");
    private static final String DECISION = "proxima.ratelimit";

    @Inject
    CurrentIdentityAssociation identities;

    @Inject
    RateLimiter limiter;

    @ServerRequestFilter
    public Uni<Response> guard(ContainerRequestContext ctx, HttpServerRequest request) {
        String path = normalise(ctx.getUriInfo().getPath());
        boolean credentials = request.getHeader(ProximaAuthMechanism.API_KEY_HEADER) != null
                || request.getHeader("Authorization") != null;
        RateLimiter.Category category = !path.startsWith("/api/") ? null
                : AUTH_ROUTES.contains(path) ? RateLimiter.Category.AUTH : RateLimiter.Category.API;
        if (category == null) {
            return null;
        }
        String ip = request.remoteAddress() == null ? "unknown" : request.remoteAddress().host();
        Uni<SecurityIdentity> identity = credentials && category != RateLimiter.Category.AUTH
                ? identities.getDeferredIdentity().onFailure().recoverWithNull()
                : Uni.createFrom().nullItem();
        return identity.chain(id -> {
            AuthenticatedPrincipal principal = id == null || id.isAnonymous() ? null
                    : id.getAttribute(ProximaIdentityProvider.PRINCIPAL_ATTRIBUTE);
            if (principal != null && principal.viaApiKey()) {
                ApiKeyScope needed = isRead(ctx.getMethod()) ? ApiKeyScope.READ : ApiKeyScope.WRITE;
                if (!principal.scopes().contains(needed)) {
                    return Uni.createFrom().failure(new ForbiddenException("API key lacks the " + needed.code() + " scope"));
                }
            }
            if (category == null || !limiter.enabled()) {
                return Uni.createFrom().nullItem();
            }
            String subject = category == RateLimiter.Category.API && principal != null
                    ? "user:" + principal.userId() : "ip:" + ip;
            if (limiter.store(category) == RateLimiter.Store.POSTGRESQL && Context.isOnEventLoopThread()) {
                return Uni.createFrom().item(() -> decide(ctx, category, subject))
                        .runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
            }
            return Uni.createFrom().item(decide(ctx, category, subject));
        });
    }

    private Response decide(ContainerRequestContext ctx, RateLimiter.Category category, String subject) {
        RateLimiter.Decision d = limiter.consume(category, subject);
        ctx.setProperty(DECISION, d);
        if (!d.allowed()) {
            throw new WebApplicationException(Response.status(429)
                    .header("Retry-After", d.retryAfterSeconds())
                    .header("X-RateLimit-Limit", d.limit())
                    .header("X-RateLimit-Remaining", 0)
                    .header("X-RateLimit-Reset", d.resetSeconds())
                    .build());
        }
        return null;
    }

    @ServerResponseFilter
    public void headers(ContainerRequestContext request, ContainerResponseContext response) {
        Object d = request.getProperty(DECISION);
        if (d instanceof RateLimiter.Decision decision && decision.allowed()) {
            response.getHeaders().putSingle("X-RateLimit-Limit", decision.limit());
            response.getHeaders().putSingle("X-RateLimit-Remaining", decision.remaining());
            response.getHeaders().putSingle("X-RateLimit-Reset", decision.resetSeconds());
        }
    }

    private static boolean isRead(String method) {
        return "GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method);
    }

    private static String normalise(String path) {
        if (path.length() > 1 && path.endsWith("/")) {
            return path.substring(0, path.length() - 1);
        }
        return path;
    }
}
