package io.proxima.application.hypervisor;

import io.proxima.domain.shared.ErrorCode;

/**
 * The node could not be reached: connection refused or reset, TLS failure, PVE's own 595/596
 * when it cannot forward to another node, or the adapter's circuit breaker for that node is open.
 */
public class PveUnreachableException extends PveException {

    public PveUnreachableException(String message, int httpStatus) {
        super(ErrorCode.UNAVAILABLE, "error.unavailable", message, httpStatus);
    }
}
