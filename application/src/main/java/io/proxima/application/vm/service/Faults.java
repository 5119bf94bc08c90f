package io.proxima.application.vm.service;

import io.proxima.application.hypervisor.PveException;
import io.proxima.application.hypervisor.PveLockTimeoutException;
import io.proxima.application.hypervisor.PveLockedException;
import io.proxima.application.hypervisor.PveTaskFailedException;
import io.proxima.application.hypervisor.PveTimeoutException;
import io.proxima.application.hypervisor.PveUnreachableException;
import io.proxima.domain.shared.StaleVersionException;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;

/**
 * The one rule of which failures pass by themselves (retried with backoff within a step's
 * budget) and which are permanent (the step fails at once). Transient: PVE unreachable or slow,
 * lock contention, a 5xx PVE gives no reason for, a task that failed with a passing fault, a
 * concurrent edit, and any database error (an outage says nothing about the step). Permanent:
 * parameter errors, "does not exist", quota, ownership, and everything Proxima itself refuses.
 */
final class Faults {

    private static final List<String> PERMANENT_TEXTS = List.of("quota", "no space left", "is full", "not enough", "does not exist",
            "not allowed", "permission", "not implemented");

    private Faults() {
    }

    static boolean isTransient(Throwable e) {
        if (e instanceof PveTaskFailedException t) {
            return t.kind() == PveTaskFailedException.Kind.LOCK_TIMEOUT || t.kind() == PveTaskFailedException.Kind.LOCKED
                    || t.kind() == PveTaskFailedException.Kind.TRANSIENT;
        }
        if (e instanceof PveUnreachableException || e instanceof PveTimeoutException || e instanceof PveLockedException
                || e instanceof PveLockTimeoutException || e instanceof StaleVersionException) {
            return true;
        }
        if (e.getClass() == PveException.class) {
            PveException p = (PveException) e;
            String text = p.pveMessage().toLowerCase(Locale.ROOT);
            return p.httpStatus() >= 500 && p.httpStatus() != 501 && PERMANENT_TEXTS.stream().noneMatch(text::contains);
        }
        if (e instanceof PveException) {
            return false;
        }
        return isDatabaseFault(e);
    }

    /** An SQL or persistence failure anywhere in the cause chain (connection lost, pool exhausted, serialization). */
    static boolean isDatabaseFault(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException) {
                return true;
            }
            String name = t.getClass().getName();
            if (name.startsWith("org.hibernate.") || name.startsWith("jakarta.persistence.")
                    || name.startsWith("jakarta.transaction.") || name.contains("agroal")) {
                return true;
            }
        }
        return false;
    }
}
