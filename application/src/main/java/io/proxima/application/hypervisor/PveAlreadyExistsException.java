package io.proxima.application.hypervisor;

import io.proxima.domain.shared.ErrorCode;

/** The vmid (or snapshot name) is taken: pick another one. Also raised when a clone lost a vmid race inside its task. */
public class PveAlreadyExistsException extends PveException {

    public PveAlreadyExistsException(String pveMessage, int httpStatus) {
        super(ErrorCode.CONFLICT, "error.conflict", pveMessage, httpStatus);
    }
}
