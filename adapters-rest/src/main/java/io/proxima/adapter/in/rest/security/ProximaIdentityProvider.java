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
            return QuarkusSecurityIdentity.builder()
                    .setPrincipal(new QuarkusPrincipal(principal.userId().toString()))
                    .addRole(principal.effectiveRole().code())
                    .addAttribute(PRINCIPAL_ATTRIBUTE, principal)
                    .build();
        });
    }
}
