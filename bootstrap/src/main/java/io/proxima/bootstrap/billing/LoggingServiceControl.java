package io.proxima.bootstrap.billing;

import io.proxima.application.billing.port.out.ServiceControl;
import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Stand-in until the VM context (issue 5) provides the real {@link ServiceControl}: it only logs.
 * Every request is also recorded durably in {@code billing_control_requests} (the outbox), so
 * nothing decided before the VM context is wired is lost. Being a {@code @DefaultBean}, it steps
 * aside as soon as another {@code ServiceControl} bean exists.
 */
@ApplicationScoped
@DefaultBean
public class LoggingServiceControl implements ServiceControl {

    private static final Logger LOG = Logger.getLogger(LoggingServiceControl.class);

    @Override
    public void suspendAllOf(UUID userId, String reason) {
        LOG.warnf("billing requests suspension of every VM of user %s (%s); no VM context is wired yet", userId, reason);
    }

    @Override
    public void unsuspendAllOf(UUID userId) {
        LOG.warnf("billing requests unsuspension of the VMs of user %s; no VM context is wired yet", userId);
    }

    @Override
    public void terminateAllOf(UUID userId) {
        LOG.warnf("billing requests termination of every VM of user %s; no VM context is wired yet", userId);
    }
}
