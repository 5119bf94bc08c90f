package io.proxima.application.hypervisor;

import io.proxima.domain.shared.ErrorCode;

/**
 * No answer in time: an HTTP call stalled, or a task was still running when the wait ended.
 * A write may or may not have happened; callers re-read state before deciding.
 */
public class PveTimeoutException extends PveException {

    public PveTimeoutException(String message) {
        super(ErrorCode.UNAVAILABLE, "error.unavailable", message, 0);
    }
}
