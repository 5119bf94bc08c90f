package io.proxima.application.hypervisor;

import io.proxima.domain.shared.ErrorCode;

/** The guest carries a PVE lock ({@code VM is locked (clone)}): an operation on it is still running. */
public class PveLockedException extends PveException {

    private final String lock;

    public PveLockedException(String pveMessage, int httpStatus, String lock) {
        super(ErrorCode.STATE_CONFLICT, "error.state_conflict", pveMessage, httpStatus);
        this.lock = lock == null ? "" : lock;
    }

    /** The lock's name as PVE reports it (clone, snapshot, migrate, backup ...). */
    public String lock() {
        return lock;
    }
}
