package io.proxima.adapter.in.rest.auth;

import io.proxima.adapter.in.rest.user.UserResponse;
import io.proxima.application.user.port.in.IssuedTokens;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Login and refresh response {@code data} (SPEC section 4). */
@Schema(name = "TokenResponse")
public record TokenResponse(String accessToken, String refreshToken, long expiresIn,
                            @Schema(examples = "Bearer") String tokenType, UserResponse user) {

    public static TokenResponse from(IssuedTokens t) {
        return new TokenResponse(t.accessToken(), t.refreshToken(), t.expiresInSeconds(), "Bearer",
                UserResponse.from(t.user()));
    }
}
