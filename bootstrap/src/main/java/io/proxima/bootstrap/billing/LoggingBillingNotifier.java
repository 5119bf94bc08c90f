package io.proxima.bootstrap.billing;

import io.proxima.application.billing.port.out.BillingNotifier;
import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Stand-in until the identity context's Mailer is wired: logs what would be emailed. A
 * {@code @DefaultBean}, replaced by any other {@link BillingNotifier} bean.
 */
@ApplicationScoped
@DefaultBean
public class LoggingBillingNotifier implements BillingNotifier {

    private static final Logger LOG = Logger.getLogger(LoggingBillingNotifier.class);

    @Override
    public void suspended(UUID userId, String balance, String currency) {
        LOG.infof("notice to %s: services suspended, balance %s %s", userId, balance, currency);
    }

    @Override
    public void unsuspended(UUID userId) {
        LOG.infof("notice to %s: services restored", userId);
    }

    @Override
    public void terminated(UUID userId) {
        LOG.infof("notice to %s: services terminated after the grace period", userId);
    }

    @Override
    public void lowBalance(UUID userId, String balance, String currency) {
        LOG.infof("notice to %s: balance low (%s %s)", userId, balance, currency);
    }
}
