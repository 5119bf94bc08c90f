package io.proxima.adapter.in.rest.auth;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Request bodies of the Auth routes. Sizes bound the work an anonymous caller can cause. */
public final class AuthRequests {

    private AuthRequests() {
    }

    public record RegisterRequest(@NotBlank @Size(max = 32) String username,
                                  @NotBlank @Email @Size(max = 254) String email,
                                  @NotBlank @Size(max = 128) String password,
                                  @Size(max = 32) String phone,
                                  @Size(max = 16) String language) {
    }

    public record VerifyRequest(@NotBlank @Email @Size(max = 254) String email,
                                @NotBlank @Pattern(regexp = "\\d{6}", message = "must be 6 digits") String code) {
    }

    public record EmailRequest(@NotBlank @Email @Size(max = 254) String email) {
    }

    /** {@code username} may be a username or an email; seed 001 sends {@code email} instead. */
    public record LoginRequest(@Size(max = 254) String username, @Size(max = 254) String email,
                               @NotBlank @Size(max = 128) String password,
                               @Size(max = 32) String totpCode,
                               @Size(max = 16) String emailCode) {

        String login() {
            return username != null && !username.isBlank() ? username : email;
        }
    }

    public record RefreshRequest(@NotBlank @Size(max = 512) String refreshToken) {
    }

    public record ResetPasswordRequest(@NotBlank @Email @Size(max = 254) String email,
                                       @NotBlank @Pattern(regexp = "\\d{6}", message = "must be 6 digits") String code,
                                       @NotBlank @Size(max = 128) String newPassword) {
    }
}
