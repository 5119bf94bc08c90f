package io.proxima.adapter.in.rest.billing;

import io.proxima.domain.shared.DomainException;
import io.proxima.domain.shared.ErrorCode;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.UUID;

/**
 * Who is calling, as billing needs it: the user id (the JWT {@code sub}, the principal name) and
 * whether they are an administrator. The one place to switch to the identity context's
 * {@code CurrentUser} once it is merged.
 */
@RequestScoped
public class CurrentCaller {

    @Inject
    SecurityIdentity identity;

    public UUID id() {
        if (identity == null || identity.isAnonymous()) {
            throw new DomainException(ErrorCode.AUTHENTICATION_REQUIRED, "error.authentication_required", "not authenticated");
        }
        try {
            return UUID.fromString(identity.getPrincipal().getName());
        } catch (IllegalArgumentException e) {
            // A token whose subject is not a user id is not a user's token.
            throw new DomainException(ErrorCode.TOKEN_INVALID, "error.token_invalid", "subject is not a user id");
        }
    }

    public boolean isAdmin() {
        return identity != null && identity.hasRole("admin");
    }
}
