package io.proxima.application.vm.service;

import io.proxima.application.billing.port.in.MeteringUseCase;
import io.proxima.application.vm.port.out.PlanRepository;
import io.proxima.application.vm.port.out.VmCharging;
import io.proxima.application.vm.port.out.VmLifecycleListener;
import io.proxima.domain.billing.HourlyPricing;
import io.proxima.domain.shared.NotFoundException;
import io.proxima.domain.vm.Plan;
import io.proxima.domain.vm.Vm;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import io.proxima.application.billing.port.out.BillingClock;

/**
 * The VM context's side of billing: the balance check at order time, and the meter that runs
 * from the moment the guest is provisioned until it is deleted, paused while suspended, in
 * {@code error} or being deleted. A VM whose provisioning failed never started its meter, so it
 * is never charged.
 */
@ApplicationScoped
public class VmBilling implements VmCharging, VmLifecycleListener {

    private final MeteringUseCase metering;
    private final PlanRepository plans;
    // Billing's own clock: meters must run on the same time as the billing run that charges them.
    private final BillingClock clock;

    @Inject
    public VmBilling(MeteringUseCase metering, PlanRepository plans, BillingClock clock) {
        this.metering = metering;
        this.plans = plans;
        this.clock = clock;
    }

    @Override
    public void requireFunds(java.util.UUID ownerId, Plan plan) {
        metering.ensureCanAfford(ownerId, plan.priceHourly());
    }

    @Override
    public void provisioned(Vm vm) {
        Plan plan = plan(vm);
        metering.start(new MeteringUseCase.StartMetering(vm.id().value(), vm.ownerId(), plan.id(),
                new HourlyPricing(plan.priceHourly(), plan.priceMonthly()), clock.now()));
    }

    @Override
    public void provisioningFailed(Vm vm, String reason) {
        // Nothing was charged: the meter starts only once the guest is running.
    }

    /**
     * The VM moved to another plan: billing prorates the current hour between the two prices.
     * A VM whose meter never started (it never ran) has nothing to prorate.
     */
    public void planChanged(Vm vm, Plan plan) {
        metering.changePlan(vm.id().value(), plan.id(), new HourlyPricing(plan.priceHourly(), plan.priceMonthly()),
                clock.now());
    }

    @Override
    public void deleted(Vm vm) {
        metering.stop(vm.id().value(), clock.now());
    }

    @Override
    public void suspended(Vm vm, String reason) {
        metering.suspend(vm.id().value(), clock.now(), reason);
    }

    @Override
    public void unsuspended(Vm vm) {
        metering.resume(vm.id().value(), clock.now());
    }

    @Override
    public void outOfService(Vm vm, String reason) {
        // Hours started before now are charged (they were used); nothing after, until it runs again.
        metering.suspend(vm.id().value(), clock.now(), reason);
    }

    @Override
    public void inServiceAgain(Vm vm) {
        metering.resume(vm.id().value(), clock.now());
    }

    @Transactional
    Plan plan(Vm vm) {
        return plans.find(vm.planId()).orElseThrow(() -> new NotFoundException("Plan", vm.planId()));
    }
}
