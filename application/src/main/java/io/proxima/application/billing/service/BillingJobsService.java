package io.proxima.application.billing.service;

import io.proxima.application.billing.port.in.BillingJobsUseCase;
import io.proxima.application.billing.port.in.BillingViews.EnforcementSummary;
import io.proxima.application.billing.port.in.BillingViews.RunSummary;
import io.proxima.application.billing.port.out.BillingClock;
import io.proxima.application.billing.port.out.PaymentGateway;
import io.proxima.application.billing.port.out.PaymentGatewayException;
import io.proxima.application.shared.port.out.PeriodicJobs;
import io.proxima.domain.billing.ChargingPolicy;
import io.proxima.domain.billing.RechargeOrder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;

/** The scheduled jobs; every job is idempotent and safe when several instances run it. */
@ApplicationScoped
public class BillingJobsService implements BillingJobsUseCase {

    private static final Logger LOG = Logger.getLogger(BillingJobsService.class.getName());
    /** Enough batches to catch up a month of downtime; each batch charges one hour of every due VM. */
    private static final int MAX_BATCHES = 24 * 31;

    private final JobSteps steps;
    private final RechargeSteps recharges;
    private final ControlDispatcher dispatcher;
    private final BillingSupport support;
    private final BillingClock clock;
    private final PeriodicJobs periodic;

    @Inject
    public BillingJobsService(JobSteps steps, RechargeSteps recharges, ControlDispatcher dispatcher,
                              BillingSupport support, BillingClock clock, PeriodicJobs periodic) {
        this.periodic = periodic;
        this.steps = steps;
        this.recharges = recharges;
        this.dispatcher = dispatcher;
        this.support = support;
        this.clock = clock;
    }

    @Override
    public boolean claim(String job, Instant periodStart) {
        return periodic.claim(job, periodStart);
    }

    @Override
    public RunSummary chargeDueHours() {
        Instant now = clock.now();
        int total = 0;
        int batches = 0;
        while (batches < MAX_BATCHES) {
            int charged = steps.chargeBatch(now);
            if (charged < 0) {
                return new RunSummary(false, total, batches);
            }
            batches++;
            total += charged;
            if (charged == 0) {
                break;
            }
        }
        return new RunSummary(true, total, batches);
    }

    @Override
    public EnforcementSummary enforce() {
        Instant now = clock.now();
        Instant graceStart = now.minus(Duration.ofDays(support.gracePeriodDays()));
        JobSteps.Enforced e = steps.enforce(now, graceStart, support.config().lowBalanceHours());
        int delivered = dispatcher.dispatch();
        return new EnforcementSummary(e.suspended(), e.terminated(), e.lowBalance(), delivered);
    }

    @Override
    public int dispatch() {
        return dispatcher.dispatch();
    }

    @Override
    public int expireOrders() {
        Instant now = clock.now();
        int expired = 0;
        for (UUID id : recharges.pendingExpired(now)) {
            // A gateway order may have been paid at the last moment: ask before expiring.
            if (settleFromGateway(id)) {
                continue;
            }
            if (recharges.expire(id, now)) {
                expired++;
            }
        }
        return expired;
    }

    @Override
    public int settlePendingOrders() {
        Instant cutoff = clock.now().minus(support.config().janitorAfter());
        int settled = 0;
        for (UUID id : recharges.pendingCreatedBefore(cutoff)) {
            if (settleFromGateway(id)) {
                settled++;
            }
        }
        if (settled > 0) {
            dispatcher.dispatch();
        }
        return settled;
    }

    /** Asks the order's gateway what became of it; true when the order is no longer pending. */
    private boolean settleFromGateway(UUID orderId) {
        RechargeOrder order = recharges.find(orderId);
        if (order.externalId() == null) {
            return false;
        }
        Optional<PaymentGateway> g = support.gateway(order.gateway());
        if (g.isEmpty()) {
            return false;
        }
        try {
            PaymentGateway.PaymentStatus status = g.get().retrieve(order.externalId());
            if (status.state() == PaymentGateway.PaymentState.OPEN) {
                return false;
            }
            recharges.settle(orderId, status, clock.now());
            return true;
        } catch (PaymentGatewayException e) {
            LOG.warning("janitor could not ask " + order.gateway() + " about order " + orderId + ": " + e.getMessage());
            return false;
        }
    }

    @Override
    public int generateInvoices() {
        Instant now = clock.now();
        Instant thisMonth = ChargingPolicy.monthStart(now);
        Instant previous = ChargingPolicy.monthStart(thisMonth.minusSeconds(1));
        return steps.invoices(previous, thisMonth, now);
    }
}
