package io.proxima.adapter.in.rest.security;

import io.proxima.application.user.port.in.AuthenticatedPrincipal;
import io.proxima.domain.user.ApiKeyScope;
import io.proxima.domain.user.AuthenticationException;
import io.proxima.domain.user.Role;
import io.proxima.domain.user.UserId;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.Arrays;

/**
 * The caller of the current request, for any resource:
 *
 * <pre>
 * &#64;Inject CurrentUser currentUser;
 * ... currentUser.id()            // the user id (throws 401 when anonymous)
 * ... currentUser.isAdmin()       // acts as admin (an admin's API key needs the admin scope)
 * ... currentUser.requireRole(Role.SUPPORT, Role.ADMIN)   // 403 otherwise
 * ... currentUser.requireSession() // 403 for API keys (credential changes)
 * </pre>
 *
 * Route-level checks use {@code @Authenticated} and {@code @RolesAllowed("admin")}; the API-key
 * scope rule (read for GET, write otherwise) is enforced for every route by {@link ApiGuardFilter}.
 */
@RequestScoped
public class CurrentUser {

    @Inject
    SecurityIdentity identity;

    public boolean isAuthenticated() {
        return !identity.isAnonymous();
    }

    public AuthenticatedPrincipal principal() {
        if (identity.isAnonymous()) {
            throw new UnauthorizedException();
        }
        return identity.getAttribute(ProximaIdentityProvider.PRINCIPAL_ATTRIBUTE);
    }

    public UserId id() {
        return principal().userId();
    }

    /** The role the request acts with (see {@link AuthenticatedPrincipal#effectiveRole()}). */
    public Role role() {
        return principal().effectiveRole();
    }

    public boolean isAdmin() {
        return role() == Role.ADMIN;
    }

    /** Support staff or administrators. */
    public boolean isStaff() {
        return role().isStaff();
    }

    public boolean viaApiKey() {
        return principal().viaApiKey();
    }

    public boolean hasScope(ApiKeyScope scope) {
        AuthenticatedPrincipal p = principal();
        return !p.viaApiKey() || p.scopes().contains(scope);
    }

    public void requireRole(Role... roles) {
        Role r = role();
        if (Arrays.stream(roles).noneMatch(x -> x == r)) {
            throw new ForbiddenException();
        }
    }

    /** Credential changes (password, 2FA, API keys, logout) need a login session, not an API key. */
    public void requireSession() {
        if (viaApiKey()) {
            throw AuthenticationException.forbidden("error.session_required", "This needs a login session, not an API key");
        }
    }
}
