package io.proxima.adapter.in.rest.user;

import io.proxima.domain.user.User;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A user as SPEC section 4 names its fields. Never contains hashes or second-factor secrets. */
@Schema(name = "User")
public record UserResponse(UUID id, String username, String email, String phone,
                           @Schema(enumeration = {"user", "support", "admin"}) String role,
                           @Schema(enumeration = {"pending_verification", "active", "disabled", "deleted"}) String status,
                           String language, String avatar, boolean emailVerified, boolean twoFactorEnabled,
                           Instant createdAt, Instant updatedAt, Instant lastLoginAt) {

    public static UserResponse from(User u) {
        return new UserResponse(u.id().value(), u.username(), u.email(), u.phone(), u.role().code(), u.status().code(),
                u.language().code(), u.avatar(), u.emailVerified(), u.totpEnabled(), u.createdAt(), u.updatedAt(),
                u.lastLoginAt());
    }
}
