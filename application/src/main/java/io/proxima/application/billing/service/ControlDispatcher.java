package io.proxima.application.billing.service;

import io.proxima.application.billing.port.out.BillingClock;
import io.proxima.application.billing.port.out.BillingNotifier;
import io.proxima.application.billing.port.out.EnforcementRepository.ControlRequest;
import io.proxima.application.billing.port.out.ServiceControl;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Delivers the outbox of suspension, unsuspension and termination requests to the VM context
 * and the notices to customers. Runs outside any transaction (the VM context talks to PVE); a
 * failed delivery stays queued and is retried by the next pass.
 */
@ApplicationScoped
public class ControlDispatcher {

    private static final Logger LOG = Logger.getLogger(ControlDispatcher.class.getName());

    private final JobSteps steps;
    private final ServiceControl control;
    private final BillingNotifier notifier;
    private final BillingClock clock;

    @Inject
    public ControlDispatcher(JobSteps steps, ServiceControl control, BillingNotifier notifier, BillingClock clock) {
        this.steps = steps;
        this.control = control;
        this.notifier = notifier;
        this.clock = clock;
    }

    /** Delivers what is queued; returns how many requests succeeded. */
    public int dispatch() {
        int delivered = 0;
        for (int round = 0; round < 20; round++) {
            List<ControlRequest> batch = steps.claimRequests(clock.now());
            if (batch.isEmpty()) {
                break;
            }
            for (ControlRequest r : batch) {
                try {
                    deliver(r);
                    steps.delivered(r.id(), clock.now());
                    delivered++;
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "billing request " + r.id() + " (" + r.action() + ") failed; will retry", e);
                    steps.failed(r.id(), String.valueOf(e.getMessage()), clock.now());
                }
            }
        }
        return delivered;
    }

    private void deliver(ControlRequest r) {
        switch (r.action()) {
            case "suspend" -> {
                control.suspendAllOf(r.ownerId(), r.reason());
                notifier.suspended(r.ownerId(), r.balance(), r.currency());
            }
            case "unsuspend" -> {
                control.unsuspendAllOf(r.ownerId());
                notifier.unsuspended(r.ownerId());
            }
            case "terminate" -> {
                control.terminateAllOf(r.ownerId());
                notifier.terminated(r.ownerId());
            }
            case "low_balance" -> notifier.lowBalance(r.ownerId(), r.balance(), r.currency());
            default -> LOG.warning("unknown billing request action " + r.action());
        }
    }
}
