package io.proxima.adapter.in.rest.security;

import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;

/**
 * The one authentication mechanism: {@code Authorization: Bearer <JWT>} or {@code X-API-Key}.
 * Authentication is lazy ({@code quarkus.http.auth.proactive=false}): it runs when a resource
 * needs the identity, and its failures reach the shared exception mapper as envelopes.
 */
@ApplicationScoped
public class ProximaAuthMechanism implements HttpAuthenticationMechanism {

    public static final String API_KEY_HEADER = "X-API-Key";
    static final String USER_ID_KEY = "proxima.user_id";
    static final String API_KEY_ID_KEY = "proxima.api_key_id";

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        CredentialsRequest request = credentials(context);
        if (request == null) {
            return Uni.createFrom().optional(java.util.Optional.empty());
        }
        return identityProviderManager.authenticate(request)
                .invoke(identity -> {
                    context.put(USER_ID_KEY, identity.getPrincipal().getName());
                    Object p = identity.getAttribute(ProximaIdentityProvider.PRINCIPAL_ATTRIBUTE);
                    if (p instanceof io.proxima.application.user.port.in.AuthenticatedPrincipal ap && ap.apiKeyId() != null) {
                        context.put(API_KEY_ID_KEY, ap.apiKeyId());
                    }
                });
    }

    static CredentialsRequest credentials(RoutingContext context) {
        String ip = context.request().remoteAddress() == null ? null : context.request().remoteAddress().host();
        String key = context.request().getHeader(API_KEY_HEADER);
        if (key != null) {
            return new CredentialsRequest(CredentialsRequest.Kind.API_KEY, key.trim(), ip);
        }
        String authorization = context.request().getHeader("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return new CredentialsRequest(CredentialsRequest.Kind.BEARER, authorization.substring(7).trim(), ip);
        }
        return null;
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().item(new ChallengeData(401, "WWW-Authenticate", "Bearer"));
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(CredentialsRequest.class);
    }
}
