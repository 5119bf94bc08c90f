package io.proxima.adapter.in.rest.auth;

import io.proxima.adapter.in.rest.common.ApiResponse;
import io.proxima.adapter.in.rest.security.CurrentUser;
import io.proxima.adapter.in.rest.user.UserResponse;
import io.proxima.application.user.port.in.AccountUseCase;
import io.proxima.application.user.port.in.PasswordUseCase;
import io.proxima.application.user.port.in.RegistrationUseCase;
import io.proxima.application.user.port.in.SessionUseCase;
import io.proxima.domain.shared.ValidationException;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.ResponseStatus;

/** Auth, SPEC section 3: sign-up, verification, login, token refresh, logout, password reset. */
@Path("/api/v1/auth")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Auth")
public class AuthResource {

    public record UserData(UserResponse user) {
    }

    public record Done(boolean ok) {
    }

    @Inject
    RegistrationUseCase registration;

    @Inject
    SessionUseCase sessions;

    @Inject
    PasswordUseCase passwords;

    @Inject
    AccountUseCase accounts;

    @Inject
    CurrentUser currentUser;

    @POST
    @Path("/register")
    @Consumes(MediaType.APPLICATION_JSON)
    @ResponseStatus(201)
    @Operation(summary = "Create an account; pending_verification until the mailed code is confirmed (configurable)")
    public ApiResponse<UserData> register(@Valid @NotNull AuthRequests.RegisterRequest r) {
        return ApiResponse.created(new UserData(UserResponse.from(registration.register(
                new RegistrationUseCase.RegisterCommand(r.username(), r.email(), r.password(), r.phone(), r.language())))));
    }

    @POST
    @Path("/verify")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Confirm an email with its 6-digit code (15 minutes, single use, 5 tries)")
    public ApiResponse<UserData> verify(@Valid @NotNull AuthRequests.VerifyRequest r) {
        return ApiResponse.ok(new UserData(UserResponse.from(registration.verify(r.email(), r.code()))));
    }

    @POST
    @Path("/verify/resend")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Mail a new code (at most one a minute); the answer is the same for unknown addresses")
    public ApiResponse<Done> resend(@Valid @NotNull AuthRequests.EmailRequest r) {
        registration.resend(r.email());
        return ApiResponse.ok(new Done(true));
    }

    @POST
    @Path("/login")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Log in with username or email, password and (when enabled) totp_code")
    public ApiResponse<TokenResponse> login(@Valid @NotNull AuthRequests.LoginRequest r) {
        return ApiResponse.ok(TokenResponse.from(sessions.login(command(r, false))));
    }

    @POST
    @Path("/admin/login")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "The same login, admitting administrators only")
    public ApiResponse<TokenResponse> adminLogin(@Valid @NotNull AuthRequests.LoginRequest r) {
        return ApiResponse.ok(TokenResponse.from(sessions.login(command(r, true))));
    }

    private static SessionUseCase.LoginCommand command(AuthRequests.LoginRequest r, boolean adminOnly) {
        if (r.login() == null || r.login().isBlank()) {
            throw ValidationException.of("username", "validation.required", "must not be blank");
        }
        return new SessionUseCase.LoginCommand(r.login(), r.password(), r.totpCode(), r.emailCode(), adminOnly);
    }

    @POST
    @Path("/refresh")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Exchange a refresh token for a new pair; reusing a rotated token revokes the session")
    public ApiResponse<TokenResponse> refresh(@Valid @NotNull AuthRequests.RefreshRequest r) {
        return ApiResponse.ok(TokenResponse.from(sessions.refresh(r.refreshToken())));
    }

    @POST
    @Path("/logout")
    @Authenticated
    @Operation(summary = "Revoke this access token and its refresh-token family")
    public ApiResponse<Done> logout() {
        sessions.logout(currentUser.principal());
        return ApiResponse.ok(new Done(true));
    }

    @POST
    @Path("/password/forgot")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Mail a reset code if the account exists; always 200")
    public ApiResponse<Done> forgot(@Valid @NotNull AuthRequests.EmailRequest r) {
        passwords.forgot(r.email());
        return ApiResponse.ok(new Done(true));
    }

    @POST
    @Path("/password/reset")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Set a new password with the mailed code; revokes every session")
    public ApiResponse<Done> reset(@Valid @NotNull AuthRequests.ResetPasswordRequest r) {
        passwords.reset(r.email(), r.code(), r.newPassword());
        return ApiResponse.ok(new Done(true));
    }

    /** The undo link of an email or phone change (mailed to the old address, 7 days, single use). */
    public record UndoRequest(@jakarta.validation.constraints.NotBlank @jakarta.validation.constraints.Size(max = 128) String token) {
    }

    @POST
    @Path("/account-change/undo")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Undo an email or phone change with the token mailed to the old address; ends every session "
            + "and disables every API key of the account")
    public ApiResponse<Done> undoChange(@Valid @NotNull UndoRequest r) {
        accounts.undoContactChange(r.token());
        return ApiResponse.ok(new Done(true));
    }

    /**
     * The mailed link itself: a page with one button, because a GET that changed state would be
     * triggered by mail scanners that open links.
     */
    @GET
    @Path("/account-change/undo")
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "The page behind the mailed undo link: a button that posts the token")
    public jakarta.ws.rs.core.Response undoPage(@jakarta.ws.rs.QueryParam("token") String token) {
        String t = token == null ? "" : token.replaceAll("[^A-Za-z0-9_-]", "");
        String html = "<!doctype html><html><head><meta charset=\"utf-8\"><title>Proxima</title></head><body>"
                + "<form method=\"post\" action=\"undo/form\">"
                + "<input type=\"hidden\" name=\"token\" value=\"" + t + "\">"
                + "<button type=\"submit\">Undo the change / 撤销更改</button></form></body></html>";
        return jakarta.ws.rs.core.Response.ok(html)
                .header("Content-Security-Policy", "default-src 'none'; form-action 'self'; frame-ancestors 'none'")
                .header("Cache-Control", "no-store").build();
    }

    @POST
    @Path("/account-change/undo/form")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "The undo page's form post")
    public ApiResponse<Done> undoForm(@jakarta.ws.rs.FormParam("token") String token) {
        accounts.undoContactChange(token);
        return ApiResponse.ok(new Done(true));
    }

    @GET
    @Path("/profile")
    @Authenticated
    @Operation(summary = "The current user (seed 002)")
    public ApiResponse<UserResponse> profile() {
        return ApiResponse.ok(UserResponse.from(accounts.profile(currentUser.id())));
    }
}
