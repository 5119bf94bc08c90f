package io.proxima.application.user.port.in;

import io.proxima.domain.user.UserId;
import java.util.List;

/** TOTP two-factor authentication: set up, confirm (yields recovery codes), disable. */
public interface TwoFactorUseCase {

    record TotpStatus(boolean enabled, boolean pendingSetup, int recoveryCodesLeft) {
    }

    record TotpSetup(String secret, String otpauthUri) {
    }

    TotpStatus status(UserId userId);

    /** A new secret, not active until confirmed with a code from it. */
    TotpSetup setUp(UserId userId);

    /** Turns 2FA on; returns the recovery codes, shown this once. */
    List<String> confirm(UserId userId, String code);

    /** Needs a current TOTP code or an unused recovery code. */
    void disable(UserId userId, String code);
}
