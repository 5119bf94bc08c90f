package io.proxima.adapter.in.rest.account;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.proxima.adapter.in.rest.common.ApiResponse;
import io.proxima.adapter.in.rest.security.CurrentUser;
import io.proxima.adapter.in.rest.user.UserResponse;
import io.proxima.application.user.port.in.AccountUseCase;
import io.proxima.application.user.port.in.ApiKeyUseCase;
import io.proxima.application.user.port.in.PasswordUseCase;
import io.proxima.application.user.port.in.TwoFactorUseCase;
import io.proxima.domain.shared.NotFoundException;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.ResponseStatus;

/** Account, SPEC section 3: the caller's own profile, password, two-factor and API keys. */
@Path("/api/v1/account")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Account")
public class AccountResource {

    public record Done(boolean ok) {
    }

    /**
     * The answer of POST /account/totp: after set-up {@code secret} and {@code otpauth_uri}; after
     * confirmation {@code enabled} and the one-time {@code recovery_codes}. Absent fields are left out.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TotpResponse(
            @Schema(description = "Base32 secret (set-up only)") String secret,
            @Schema(description = "otpauth:// URI for authenticator apps (set-up only)") String otpauthUri,
            @Schema(description = "True once confirmed (confirmation only)") Boolean enabled,
            @Schema(description = "Recovery codes, shown once (confirmation only)") List<String> recoveryCodes) {
    }



    @Inject
    AccountUseCase accounts;

    @Inject
    PasswordUseCase passwords;

    @Inject
    TwoFactorUseCase twoFactor;

    @Inject
    ApiKeyUseCase apiKeys;

    @Inject
    CurrentUser currentUser;

    @GET
    @Path("/profile")
    @Operation(summary = "The caller's profile")
    public ApiResponse<UserResponse> profile() {
        return ApiResponse.ok(UserResponse.from(accounts.profile(currentUser.id())));
    }

    @PUT
    @Path("/profile")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change username, language, avatar; email and phone need current_password (and totp_code "
            + "with 2FA) and a login session. A new email takes effect once confirmed at POST /account/email/verify")
    public ApiResponse<UserResponse> updateProfile(@Valid @NotNull AccountRequests.UpdateProfileRequest r) {
        return ApiResponse.ok(UserResponse.from(accounts.updateProfile(new AccountUseCase.UpdateProfileCommand(
                currentUser.id(), r.username(), r.email(), r.phone(), r.language(), r.avatar(), r.currentPassword(),
                r.totpCode(), currentUser.viaApiKey()))));
    }

    @POST
    @Path("/email/verify")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Confirm a requested email change with the code mailed to the new address")
    public ApiResponse<UserResponse> confirmEmail(@Valid @NotNull AccountRequests.ConfirmEmailRequest r) {
        currentUser.requireSession();
        return ApiResponse.ok(UserResponse.from(accounts.confirmEmailChange(currentUser.id(), r.code(), false)));
    }

    @PUT
    @Path("/password")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change the password (needs the current one); other sessions are revoked, and every API key "
            + "with revoke_api_keys: true")
    public ApiResponse<Done> changePassword(@Valid @NotNull AccountRequests.ChangePasswordRequest r) {
        currentUser.requireSession();
        passwords.change(currentUser.id(), currentUser.principal().familyId(), r.currentPassword(), r.newPassword(),
                Boolean.TRUE.equals(r.revokeApiKeys()));
        return ApiResponse.ok(new Done(true));
    }

    @GET
    @Path("/totp")
    @Operation(summary = "Two-factor state: enabled, pending_setup, recovery_codes_left")
    public ApiResponse<TwoFactorUseCase.TotpStatus> totpStatus() {
        return ApiResponse.ok(twoFactor.status(currentUser.id()));
    }

    @POST
    @Path("/totp")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Without code: set up (returns secret and otpauth URI); with code: confirm (returns recovery codes once)")
    public ApiResponse<TotpResponse> totp(@Valid AccountRequests.TotpRequest r) {
        currentUser.requireSession();
        if (r == null || r.code() == null || r.code().isBlank()) {
            TwoFactorUseCase.TotpSetup setup = twoFactor.setUp(currentUser.id());
            return ApiResponse.ok(new TotpResponse(setup.secret(), setup.otpauthUri(), null, null));
        }
        return ApiResponse.ok(new TotpResponse(null, null, true, twoFactor.confirm(currentUser.id(), r.code())));
    }

    @DELETE
    @Path("/totp")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Turn two-factor off; needs a current code or a recovery code")
    public ApiResponse<Done> disableTotp(@Valid @NotNull AccountRequests.TotpCodeRequest r) {
        currentUser.requireSession();
        twoFactor.disable(currentUser.id(), r.code());
        return ApiResponse.ok(new Done(true));
    }

    @GET
    @Path("/api-keys")
    @Operation(summary = "The caller's API keys: prefix, scopes, created_at, last_used_at (never the secret)")
    public ApiResponse<List<ApiKeyResponse>> listKeys() {
        return ApiResponse.ok(apiKeys.list(currentUser.id()).stream().map(ApiKeyResponse::from).toList());
    }

    @Inject
    io.proxima.application.audit.port.in.AuditQueryUseCase audit;

    /** Seed 004's operation log per key: what one of the caller's keys did, newest first (404 for others' keys). */
    @GET
    @Path("/api-keys/{id}/operations")
    @Operation(summary = "Audit records of the actions done with one of the caller's API keys")
    public ApiResponse<io.proxima.adapter.in.rest.common.PageResponse<io.proxima.adapter.in.rest.audit.AuditLogResponse>> keyOperations(
            @PathParam("id") String id, @jakarta.ws.rs.BeanParam io.proxima.adapter.in.rest.common.PageParams page) {
        UUID key = io.proxima.adapter.in.rest.common.Ids.required("API key", id);
        if (apiKeys.list(currentUser.id()).stream().noneMatch(k -> k.id().equals(key))) {
            throw new NotFoundException("API key", key);
        }
        var filter = new io.proxima.application.audit.AuditFilter(currentUser.id().value(), null, null, null, null, null, key);
        return ApiResponse.ok(io.proxima.adapter.in.rest.common.PageResponse.of(audit.search(filter, page.toPageRequest()),
                io.proxima.adapter.in.rest.audit.AuditLogResponse::from));
    }

    @POST
    @Path("/api-keys")
    @Consumes(MediaType.APPLICATION_JSON)
    @ResponseStatus(201)
    @Operation(summary = "Create a key; the response is the only time the secret (key) is shown")
    public ApiResponse<ApiKeyResponse.Created> createKey(@Valid @NotNull AccountRequests.CreateApiKeyRequest r) {
        currentUser.requireSession();
        ApiKeyUseCase.CreatedApiKey created = apiKeys.create(new ApiKeyUseCase.CreateApiKeyCommand(currentUser.id(),
                r.name(), r.scopes(), r.expiresAt(), r.allowedIps()));
        return ApiResponse.created(ApiKeyResponse.Created.from(created.key(), created.secret()));
    }

    @PATCH
    @Path("/api-keys/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Enable, disable or rename a key")
    public ApiResponse<ApiKeyResponse> updateKey(@PathParam("id") String id, @Valid @NotNull AccountRequests.UpdateApiKeyRequest r) {
        currentUser.requireSession();
        return ApiResponse.ok(ApiKeyResponse.from(apiKeys.update(currentUser.id(), keyId(id), r.name(), r.enabled())));
    }

    @DELETE
    @Path("/api-keys/{id}")
    @Operation(summary = "Revoke a key")
    public ApiResponse<Done> revokeKey(@PathParam("id") String id) {
        currentUser.requireSession();
        apiKeys.revoke(currentUser.id(), keyId(id));
        return ApiResponse.ok(new Done(true));
    }

    private static UUID keyId(String raw) {
        try {
            return UUID.fromString(raw);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("API key", raw);
        }
    }
}
