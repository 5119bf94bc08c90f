package io.proxima.application.user.port.in;

import io.proxima.domain.user.UserId;
import java.util.UUID;

/** Forgotten-password reset by mailed code, and password change by the owner. */
public interface PasswordUseCase {

    /** Mails a reset code if the account exists; looks the same either way. */
    void forgot(String email);

    /**
     * Sets a new password and ends every session and API key: whoever forced the recovery may hold
     * them. The owner is mailed a security notice.
     */
    void reset(String email, String code, String newPassword);

    /**
     * Needs the current password; revokes every session but {@code keepFamily}, and every API key
     * when {@code revokeApiKeys}. The owner is mailed a security notice.
     */
    void change(UserId userId, UUID keepFamily, String currentPassword, String newPassword, boolean revokeApiKeys);
}
