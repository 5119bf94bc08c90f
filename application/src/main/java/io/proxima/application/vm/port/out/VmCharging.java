package io.proxima.application.vm.port.out;

import io.proxima.domain.vm.Plan;
import java.util.UUID;

/** Billing as VM creation needs it: refuse an order the customer's balance cannot carry. */
public interface VmCharging {

    /** Throws 402/40201 when the balance does not cover the plan's configured minimum hours. */
    void requireFunds(UUID ownerId, Plan plan);
}
