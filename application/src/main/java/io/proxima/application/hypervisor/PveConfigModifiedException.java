package io.proxima.application.hypervisor;

import io.proxima.domain.shared.ErrorCode;

/** The config (or firewall) digest sent no longer matches: someone changed it since it was read. Re-read and retry. */
public class PveConfigModifiedException extends PveException {

    public PveConfigModifiedException(String pveMessage, int httpStatus) {
        super(ErrorCode.CONFLICT, "error.conflict", pveMessage, httpStatus);
    }
}
