package io.proxima.bootstrap.identity;

import io.proxima.application.user.port.in.FirstAdminUseCase;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Creates the first administrator from {@code PROXIMA_ADMIN_USERNAME}, {@code PROXIMA_ADMIN_EMAIL}
 * and {@code PROXIMA_ADMIN_PASSWORD} when no administrator exists. Without a password, one is
 * generated and printed once to the log.
 */
@ApplicationScoped
public class FirstAdminStartup {

    private static final Logger LOG = Logger.getLogger(FirstAdminStartup.class);

    @Inject
    FirstAdminUseCase firstAdmin;

    @ConfigProperty(name = "proxima.admin.username", defaultValue = "admin")
    String username;

    @ConfigProperty(name = "proxima.admin.email", defaultValue = "admin@proxima.localhost")
    String email;

    @ConfigProperty(name = "proxima.admin.password")
    Optional<String> password;

    void onStart(@Observes StartupEvent event) {
        FirstAdminUseCase.FirstAdmin result = firstAdmin.ensureAdmin(username, email, password.orElse(null));
        if (!result.created()) {
            return;
        }
        if (result.generatedPassword().isPresent()) {
            LOG.warnf("""

                    ================================================================
                     Created the first administrator '%s' with a generated password:
                         %s
                     It is shown only this once. Log in and change it, or set
                     PROXIMA_ADMIN_PASSWORD before the first start.
                    ================================================================""",
                    result.username(), result.generatedPassword().get());
        } else {
            LOG.infof("Created the first administrator '%s' from PROXIMA_ADMIN_* settings", result.username());
        }
    }
}
