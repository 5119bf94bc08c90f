package io.proxima.domain.user;

import io.proxima.domain.shared.DomainException;
import io.proxima.domain.shared.ErrorCode;
import java.util.Map;

/**
 * Authentication failed. The public factories give the same text for every reason a caller must
 * not learn (unknown account, wrong password, locked account), so nothing hints whether an
 * account exists.
 */
public class AuthenticationException extends DomainException {

    private AuthenticationException(ErrorCode code, String key, String message, Object details) {
        super(code, key, message, details, new Object[0]);
    }

    public static AuthenticationException invalidCredentials() {
        return new AuthenticationException(ErrorCode.INVALID_CREDENTIALS, "error.invalid_credentials", "Invalid credentials", null);
    }

    /** The password was right but the account has two-factor authentication on and no valid code came. */
    public static AuthenticationException totpRequired(boolean codeWasGiven) {
        return new AuthenticationException(ErrorCode.INVALID_CREDENTIALS,
                codeWasGiven ? "error.totp_invalid" : "error.totp_required",
                codeWasGiven ? "The two-factor code is wrong" : "A two-factor code is required",
                Map.of("totp_required", true));
    }

    /** An account under a burst of failed logins and without 2FA: a mailed code stands in for it. */
    public static AuthenticationException loginCodeRequired(boolean codeWasGiven) {
        return new AuthenticationException(ErrorCode.INVALID_CREDENTIALS,
                codeWasGiven ? "error.login_code_invalid" : "error.login_code_required",
                codeWasGiven ? "The mailed login code is wrong or expired"
                        : "Unusual failed logins on this account: enter the code just mailed to its address",
                Map.of("email_code_required", true));
    }

    public static AuthenticationException accountInactive() {
        return new AuthenticationException(ErrorCode.ACCOUNT_INACTIVE, "error.account_inactive",
                "The account is disabled or not verified", null);
    }

    public static AuthenticationException tokenExpired() {
        return new AuthenticationException(ErrorCode.TOKEN_EXPIRED, "error.token_expired", "The token has expired", null);
    }

    public static AuthenticationException tokenInvalid() {
        return new AuthenticationException(ErrorCode.TOKEN_INVALID, "error.token_invalid", "The token is invalid", null);
    }

    /** A refresh token that was already rotated was presented again: its family is now revoked. */
    public static AuthenticationException refreshTokenReused() {
        return new AuthenticationException(ErrorCode.TOKEN_INVALID, "error.refresh_reused",
                "The refresh token was already used; the session has been revoked", null);
    }

    public static AuthenticationException forbidden(String key, String message) {
        return new AuthenticationException(ErrorCode.FORBIDDEN, key, message, null);
    }
}
