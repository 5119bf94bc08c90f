package io.proxima.application.user.port.in;

import io.proxima.domain.user.User;
import io.proxima.domain.user.UserId;

/** A user's own profile. */
public interface AccountUseCase {

    /** Null fields are left unchanged. */
    record UpdateProfileCommand(UserId userId, String username, String email, String phone, String language,
                                String avatar) {
    }

    User profile(UserId userId);

    /** A changed email becomes unverified and gets a verification code. */
    User updateProfile(UpdateProfileCommand command);
}
