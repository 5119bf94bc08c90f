package io.proxima.application.hypervisor;

import io.proxima.domain.shared.ErrorCode;

/** The guest is not in a state that allows the action (already running, not running, running so not destroyable, paused). */
public class PveGuestStateException extends PveException {

    public PveGuestStateException(String pveMessage, int httpStatus) {
        super(ErrorCode.STATE_CONFLICT, "error.state_conflict", pveMessage, httpStatus);
    }
}
