package io.proxima.adapter.in.rest.account;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;

/** Request bodies of the Account routes. */
public final class AccountRequests {

    private AccountRequests() {
    }

    /**
     * Absent fields stay unchanged. Changing {@code email} or {@code phone} needs
     * {@code current_password}, and {@code totp_code} when two-factor is on.
     */
    public record UpdateProfileRequest(@Size(min = 1, max = 32) String username,
                                       @Email @Size(min = 3, max = 254) String email,
                                       @Size(max = 32) String phone, @Size(max = 16) String language,
                                       @Size(max = 512) String avatar,
                                       @Size(max = 128) String currentPassword,
                                       @Size(max = 32) String totpCode) {
    }

    /** The code mailed to the requested new address. */
    public record ConfirmEmailRequest(@NotBlank @Size(max = 16) String code) {
    }

    /** {@code revoke_api_keys: true} also disables every API key of the account. */
    public record ChangePasswordRequest(@NotBlank @Size(max = 128) String currentPassword,
                                        @NotBlank @Size(max = 128) String newPassword, Boolean revokeApiKeys) {
    }

    /** Without {@code code}: start a new setup; with it: confirm the pending setup. */
    public record TotpRequest(@Size(max = 32) String code) {
    }

    public record TotpCodeRequest(@NotBlank @Size(max = 32) String code) {
    }

    public record CreateApiKeyRequest(@NotBlank @Size(max = 64) String name,
                                      @NotEmpty @Size(max = 3) List<@NotBlank String> scopes,
                                      Instant expiresAt,
                                      @Size(max = 32) List<@NotBlank @Size(max = 64) String> allowedIps) {
    }

    public record UpdateApiKeyRequest(@Size(min = 1, max = 64) String name, Boolean enabled) {
    }
}
