package io.proxima.application.user.service;

import io.proxima.application.audit.AuditEvent;
import io.proxima.application.audit.port.in.AuditLog;
import io.proxima.application.shared.port.out.SecretCipher;
import io.proxima.application.user.port.out.RecoveryCodeRepository;
import io.proxima.application.user.port.out.TotpCodes;
import io.proxima.domain.user.RecoveryCode;
import io.proxima.domain.user.User;
import java.time.Instant;
import java.util.OptionalLong;

/** The one check of a second factor: a 6-digit TOTP code (not replayed), or an unused recovery code. */
final class SecondFactor {

    private SecondFactor() {
    }

    /** The caller saves the user afterwards (the accepted TOTP step is remembered on it). */
    static boolean accepted(User user, String code, Instant now, TotpCodes totp, SecretCipher cipher,
                            RecoveryCodeRepository recoveryCodes, AuditLog audit) {
        String c = code == null ? "" : code.trim();
        if (c.isEmpty() || user.totpSecret() == null) {
            return false;
        }
        if (c.matches("\\d{6}")) {
            OptionalLong step = totp.verify(cipher.decrypt(user.totpSecret()), c, now);
            return step.isPresent() && user.acceptTotpStep(step.getAsLong());
        }
        for (RecoveryCode rc : recoveryCodes.findUnused(user.id())) {
            if (rc.matches(c) && recoveryCodes.markUsed(rc.id(), now)) {
                audit.record(AuditEvent.of("auth.recovery_code_used", "user", user.id()).user(user.id().value()));
                return true;
            }
        }
        return false;
    }
}
