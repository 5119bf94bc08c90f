package io.proxima.application.audit;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Something worth an audit record, as a use case describes it: the action (e.g. {@code vm.start}),
 * the resource it touched, the result and free details. Who did it, from which address and with
 * which client are filled in from the caller's context unless set here.
 *
 * <pre>auditLog.record(AuditEvent.of("vm.start", "vm", vmId).detail("node", node));</pre>
 */
public final class AuditEvent {

    private final String action;
    private final String resourceType;
    private final String resourceId;
    private AuditResult result = AuditResult.SUCCESS;
    private UUID userId;
    private final Map<String, Object> details = new LinkedHashMap<>();

    private AuditEvent(String action, String resourceType, String resourceId) {
        this.action = Objects.requireNonNull(action, "action");
        this.resourceType = resourceType;
        this.resourceId = resourceId;
    }

    public static AuditEvent of(String action, String resourceType, Object resourceId) {
        return new AuditEvent(action, resourceType, resourceId == null ? null : resourceId.toString());
    }

    public AuditEvent result(AuditResult value) {
        this.result = Objects.requireNonNull(value);
        return this;
    }

    public AuditEvent failed() {
        return result(AuditResult.FAILURE);
    }

    public AuditEvent denied() {
        return result(AuditResult.DENIED);
    }

    /**
     * The account the record belongs to when it is not the caller's: the account a login was
     * attempted on, or the new account of a registration.
     */
    public AuditEvent user(UUID value) {
        this.userId = value;
        return this;
    }

    /** A detail for the record; never put secrets, passwords or codes here. */
    public AuditEvent detail(String key, Object value) {
        if (value != null) {
            details.put(key, value);
        }
        return this;
    }

    public String action() { return action; }
    public String resourceType() { return resourceType; }
    public String resourceId() { return resourceId; }
    public AuditResult result() { return result; }
    public UUID userId() { return userId; }
    public Map<String, Object> details() { return Map.copyOf(details); }
}
