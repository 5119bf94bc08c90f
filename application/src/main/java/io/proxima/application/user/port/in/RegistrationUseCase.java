package io.proxima.application.user.port.in;

import io.proxima.domain.user.User;

/** Self-service sign-up and email verification by a mailed 6-digit code. */
public interface RegistrationUseCase {

    record RegisterCommand(String username, String email, String password, String phone, String language) {
    }

    User register(RegisterCommand command);

    /** Consumes the code mailed to {@code email}; activates a pending account. */
    User verify(String email, String code);

    /** Mails a new code if the account exists, is unverified and the last code is old enough; silent otherwise. */
    void resend(String email);
}
