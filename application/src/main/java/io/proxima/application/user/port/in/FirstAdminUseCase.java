package io.proxima.application.user.port.in;

import java.util.Optional;

/** Makes sure an administrator exists after the first start. */
public interface FirstAdminUseCase {

    /** Result: the generated password when one was generated (to be shown once), empty otherwise. */
    record FirstAdmin(boolean created, String username, Optional<String> generatedPassword) {
    }

    /** Creates the admin when there is none; safe when several instances start at once. */
    FirstAdmin ensureAdmin(String username, String email, String password);
}
