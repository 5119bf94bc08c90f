package io.proxima.application.vm.service;

import io.proxima.application.audit.AuditEvent;
import io.proxima.application.audit.port.in.AuditLog;
import io.proxima.domain.shared.DomainException;
import io.proxima.domain.vm.Operation;
import io.proxima.domain.vm.OperationStatus;
import io.proxima.domain.vm.Vm;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.function.Supplier;

/**
 * The audit trail of VM actions (seed 004's "operation logs"). Records belong to the VM's owner,
 * whoever acted (the caller is kept as the actor), so a customer sees what an administrator or
 * the platform did to their VM. Successes join the caller's transaction; failures are written in
 * their own, so they survive the rollback of the failed action.
 */
@ApplicationScoped
public class VmAudit {

    private final AuditLog audit;

    @Inject
    public VmAudit(AuditLog audit) {
        this.audit = audit;
    }

    /** An event about {@code vm}, owned by its owner. */
    static AuditEvent event(String action, Vm vm) {
        AuditEvent e = AuditEvent.of(action, "vm", vm.id().value()).user(vm.ownerId()).detail("hostname", vm.hostname().value());
        vm.placement().ifPresent(p -> e.detail("node", p.pveNode()).detail("vmid", p.vmid()));
        return e;
    }

    void success(AuditEvent event) {
        audit.record(event);
    }

    /** Records a failed action (in its own transaction) with the error's message and code. */
    void failure(AuditEvent event, RuntimeException error) {
        event.failed().detail("error", message(error));
        if (error instanceof DomainException d) {
            event.detail("error_code", d.messageKey());
        }
        try {
            audit.recordSeparately(event);
        } catch (RuntimeException ignored) {
            // never hide the action's own failure behind an audit failure
        }
    }

    /** Runs {@code action}; records {@code event} as a success afterwards or as a failure, and rethrows. */
    <T> T around(AuditEvent event, Supplier<T> action) {
        T result;
        try {
            result = action.get();
        } catch (RuntimeException e) {
            failure(event, e);
            throw e;
        }
        audit.record(event);
        return result;
    }

    /** The end of an operation: {@code vm.<type>.succeeded} or {@code vm.<type>.failed}. */
    void operationFinished(Operation op, Vm vm) {
        boolean ok = op.status() == OperationStatus.SUCCEEDED;
        AuditEvent e = event("vm." + op.type().wireName() + (ok ? ".succeeded" : ".failed"), vm)
                .detail("operation_id", op.id()).detail("operation", op.type().wireName());
        if (!ok) {
            e.failed().detail("error", op.error());
        }
        audit.recordSeparately(e);
    }

    /** A cleanup gave up: what is left in PVE must be removed by staff (the operation's error says what). */
    void cleanupNeedsHuman(Operation op, Vm vm) {
        AuditEvent e = event("vm." + op.type().wireName() + ".cleanup_failed", vm)
                .detail("operation_id", op.id()).detail("operation", op.type().wireName())
                .detail("action_required", "staff must remove what the failed operation left in PVE")
                .detail("error", op.error());
        e.failed();
        audit.recordSeparately(e);
    }

    private static String message(RuntimeException e) {
        if (e instanceof DomainException || e.getClass().getPackageName().startsWith("io.proxima.application.hypervisor")) {
            String m = e.getMessage();
            return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
        }
        return "internal error (" + e.getClass().getSimpleName() + ")";
    }
}
