package io.proxima.application.billing.service;

import io.proxima.application.audit.AuditEvent;
import io.proxima.application.audit.port.in.AuditLog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Billing's audit records, written in the transaction that moves the money: a committed
 * adjustment, recharge or refund always has its record, and a rolled-back one never does.
 */
@ApplicationScoped
public class BillingAudit {

    private final AuditLog audit;

    @Inject
    public BillingAudit(AuditLog audit) {
        this.audit = audit;
    }

    void record(AuditEvent event) {
        audit.record(event);
    }

    /** Unit tests build the services without CDI; they do not look at audit records. */
    static void record(BillingAudit audit, AuditEvent event) {
        if (audit != null) {
            audit.record(event);
        }
    }
}
