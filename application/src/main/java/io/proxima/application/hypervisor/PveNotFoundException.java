package io.proxima.application.hypervisor;

import io.proxima.domain.shared.ErrorCode;

/** The guest, snapshot, task or node does not exist (PVE says so with a 500 "... does not exist"). */
public class PveNotFoundException extends PveException {

    public PveNotFoundException(String pveMessage, int httpStatus) {
        super(ErrorCode.NOT_FOUND, "error.not_found_generic", pveMessage, httpStatus);
    }
}
