package io.proxima.adapter.in.rest.security;

import io.proxima.application.user.port.in.AuthenticateUseCase;
import io.proxima.application.user.port.in.AuthenticatedPrincipal;
import io.proxima.domain.shared.DomainException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Turns presented credentials into a security identity through the application's use case. */
@ApplicationScoped
public class ProximaIdentityProvider implements IdentityProvider<CredentialsRequest> {

    public static final String PRINCIPAL_ATTRIBUTE = "proxima.principal";

    @Inject
    AuthenticateUseCase authenticate;

    @Override
    public Class<CredentialsRequest> getRequestType() {
        return CredentialsRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(CredentialsRequest request, AuthenticationRequestContext context) {
        if (request.kind() == CredentialsRequest.Kind.BEARER) {
            // Hot path: a token seen within the cache period needs no I/O, so no switch to a worker thread.
            var cached = authenticate.cachedBearer(request.secret());
            if (cached.isPresent()) {
                return Uni.createFrom().item(identity(cached.get()));
            }
        }
        return context.runBlocking(() -> {
            AuthenticatedPrincipal principal;
            try {
                principal = request.kind() == CredentialsRequest.Kind.BEARER
                        ? authenticate.bearer(request.secret())
                        : authenticate.apiKey(request.secret(), request.clientIp());
            } catch (DomainException e) {
                // The cause carries the precise code (expired, invalid, forbidden) to the exception mapper.
                throw new AuthenticationFailedException(e.getMessage(), e);
            }
            return identity(principal);
        });
    }

    private static SecurityIdentity identity(AuthenticatedPrincipal principal) {
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(principal.userId().toString()))
                .addRole(principal.effectiveRole().code())
                .addAttribute(PRINCIPAL_ATTRIBUTE, principal)
                .build();
    }
}
