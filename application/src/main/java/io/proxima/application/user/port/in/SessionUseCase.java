package io.proxima.application.user.port.in;

/** Login, token refresh (rotation with reuse detection) and logout. */
public interface SessionUseCase {

    /** {@code login} is a username or an email; {@code adminOnly} for the admin console's login. */
    record LoginCommand(String login, String password, String totpCode, String emailCode, boolean adminOnly) {

        public LoginCommand(String login, String password, String totpCode, boolean adminOnly) {
            this(login, password, totpCode, null, adminOnly);
        }
    }

    IssuedTokens login(LoginCommand command);

    IssuedTokens refresh(String refreshToken);

    /** Revokes the access token's id and its whole refresh family. */
    void logout(AuthenticatedPrincipal principal);
}
