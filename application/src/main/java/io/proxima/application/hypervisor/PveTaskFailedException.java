package io.proxima.application.hypervisor;

import io.proxima.application.hypervisor.port.out.Upid;
import io.proxima.domain.shared.ErrorCode;
import java.util.List;

/**
 * A PVE task ended with an exit status other than {@code OK} or {@code WARNINGS: n}. Carries the
 * UPID, PVE's exit status, what it means ({@link #kind()}) and the last lines of the task log.
 */
public class PveTaskFailedException extends PveException {

    /** What a failed task's exit status means for the caller. */
    public enum Kind {
        /** The vmid was taken in the meantime (a lost clone race): retry with another id. */
        ALREADY_EXISTS,
        /** A lock could not be taken in time: nothing changed, retry later. */
        LOCK_TIMEOUT,
        /** The guest is locked by another operation. */
        LOCKED,
        /** The guest was not in a state that allows the action (already running ...). */
        GUEST_STATE,
        /** The guest or a referenced volume does not exist. */
        NOT_FOUND,
        /** A passing fault named in the exit status (a timeout, a dropped connection ...): retry later. */
        TRANSIENT,
        /** Anything else. */
        OTHER
    }

    private final transient Upid upid;
    private final String exitStatus;
    private final Kind kind;
    private final transient List<String> logTail;

    public PveTaskFailedException(Upid upid, String exitStatus, Kind kind, List<String> logTail) {
        super(codeOf(kind), keyOf(kind), "task " + upid.type() + " " + upid.id() + " failed: " + exitStatus
                + (logTail == null || logTail.isEmpty() ? "" : " | log: " + String.join(" / ", logTail)), 0);
        this.upid = upid;
        this.exitStatus = exitStatus;
        this.kind = kind;
        this.logTail = logTail == null ? List.of() : List.copyOf(logTail);
    }

    public Upid upid() {
        return upid;
    }

    public String exitStatus() {
        return exitStatus;
    }

    public Kind kind() {
        return kind;
    }

    /** The last lines of the task log, oldest first. */
    public List<String> logTail() {
        return logTail;
    }

    private static ErrorCode codeOf(Kind kind) {
        return switch (kind) {
            case ALREADY_EXISTS -> ErrorCode.CONFLICT;
            case LOCK_TIMEOUT, LOCKED, GUEST_STATE -> ErrorCode.STATE_CONFLICT;
            case NOT_FOUND -> ErrorCode.NOT_FOUND;
            case TRANSIENT, OTHER -> ErrorCode.HYPERVISOR_ERROR;
        };
    }

    private static String keyOf(Kind kind) {
        return switch (kind) {
            case ALREADY_EXISTS -> "error.conflict";
            case LOCK_TIMEOUT, LOCKED, GUEST_STATE -> "error.state_conflict";
            case NOT_FOUND -> "error.not_found_generic";
            case TRANSIENT, OTHER -> "error.hypervisor";
        };
    }
}
