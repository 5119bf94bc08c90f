package io.proxima.application.audit.port.in;

import io.proxima.application.audit.AuditEvent;

/** Writes audit records; the one way every feature records state-changing actions. */
public interface AuditLog {

    /** Records the event in the caller's transaction (rolled back with it). */
    void record(AuditEvent event);

    /** Records the event in its own transaction: it stays even when the caller's rolls back. */
    void recordSeparately(AuditEvent event);
}
