package io.proxima.application.user.port.in;

import io.proxima.domain.user.User;
import io.proxima.domain.user.UserId;

/** A user's own profile, including the guarded change of the contact addresses. */
public interface AccountUseCase {

    /**
     * Null fields are left unchanged. Changing {@code email} or {@code phone} needs
     * {@code currentPassword} (and {@code totpCode} when two-factor is on) and a login session:
     * {@code viaApiKey} callers are refused.
     */
    record UpdateProfileCommand(UserId userId, String username, String email, String phone, String language,
                                String avatar, String currentPassword, String totpCode, boolean viaApiKey) {
    }

    User profile(UserId userId);

    /**
     * Applies the profile change. A new email is only requested: a code goes to it, and the old
     * address is told (with an undo link valid 7 days); the account keeps its address until
     * {@link #confirmEmailChange} is called with that code.
     */
    User updateProfile(UpdateProfileCommand command);

    /** The code mailed to the requested address: that address becomes the login and recovery address. */
    User confirmEmailChange(UserId userId, String code, boolean viaApiKey);

    /**
     * The undo link mailed to the old address: restores the previous email and phone, ends every
     * session and disables every API key (whoever made the change may hold them).
     */
    void undoContactChange(String token);
}
