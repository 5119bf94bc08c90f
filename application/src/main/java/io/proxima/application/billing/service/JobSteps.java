package io.proxima.application.billing.service;

import io.proxima.application.billing.port.out.EnforcementRepository;
import io.proxima.application.billing.port.out.InvoiceRepository;
import io.proxima.application.billing.port.out.JobLock;
import io.proxima.application.billing.port.out.MeteringRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;

/** One transaction per step of the scheduled jobs; a batch is all-or-nothing. */
@ApplicationScoped
@Transactional
public class JobSteps {

    /** What one enforcement pass did. */
    public record Enforced(int suspended, int terminated, int lowBalance) {
    }

    private final JobLock lock;
    private final MeteringRepository metering;
    private final EnforcementRepository enforcement;
    private final InvoiceRepository invoices;

    @Inject
    public JobSteps(JobLock lock, MeteringRepository metering, EnforcementRepository enforcement,
                    InvoiceRepository invoices) {
        this.lock = lock;
        this.metering = metering;
        this.enforcement = enforcement;
        this.invoices = invoices;
    }

    /** Charges one hour of every due resource; -1 when another instance is running the batch. */
    public int chargeBatch(Instant now) {
        if (!lock.tryLockForTransaction()) {
            return -1;
        }
        return metering.chargeNextDueHour(now);
    }

    public Enforced enforce(Instant now, Instant suspendedBefore, int lowBalanceHours) {
        if (!lock.tryLockForTransaction()) {
            return new Enforced(0, 0, 0);
        }
        int terminated = enforcement.terminateOverdue(suspendedBefore, now).size();
        int suspended = enforcement.suspendOverdrawn(now).size();
        int low = lowBalanceHours > 0 ? enforcement.flagLowBalance(lowBalanceHours, now).size() : 0;
        return new Enforced(suspended, terminated, low);
    }

    public List<EnforcementRepository.ControlRequest> claimRequests(Instant now) {
        return enforcement.claim(50, now);
    }

    public void delivered(long id, Instant now) {
        enforcement.delivered(id, now);
    }

    public void failed(long id, String error, Instant now) {
        enforcement.failed(id, error, now);
    }

    public int invoices(Instant from, Instant to, Instant now) {
        return invoices.generate(from, to, now);
    }
}
