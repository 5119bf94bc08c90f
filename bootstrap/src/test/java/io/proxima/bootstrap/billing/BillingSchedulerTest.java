package io.proxima.bootstrap.billing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.proxima.application.billing.port.in.BillingJobsUseCase;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The period a job claims is the cadence it is configured with, not a fixed one. */
class BillingSchedulerTest {

    @Test
    void claimsFollowTheConfiguredCadence() {
        List<String> claims = new ArrayList<>();
        BillingScheduler scheduler = new BillingScheduler();
        scheduler.jobs = (BillingJobsUseCase) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {BillingJobsUseCase.class}, (proxy, method, args) -> {
                    if (method.getName().equals("claim")) {
                        claims.add(args[0] + "@" + args[1]);
                        return false;
                    }
                    throw new AssertionError("not claimed, must not run: " + method.getName());
                });
        scheduler.clock = () -> Instant.parse("2026-01-01T12:03:30Z");
        scheduler.runEvery = "1m";
        scheduler.expiryEvery = "1m";
        scheduler.janitorEvery = "2m";
        scheduler.invoicesEvery = "PT30S";

        scheduler.billingRun();
        scheduler.expireOrders();
        scheduler.janitor();
        scheduler.invoices();

        assertEquals(List.of("billing-run@2026-01-01T12:03:00Z", "recharge-expiry@2026-01-01T12:03:00Z",
                "recharge-janitor@2026-01-01T12:02:00Z", "invoices@2026-01-01T12:03:30Z"), claims);
    }
}
