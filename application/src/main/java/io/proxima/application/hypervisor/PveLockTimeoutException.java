package io.proxima.application.hypervisor;

import io.proxima.domain.shared.ErrorCode;

/**
 * PVE could not take a config file lock in time ({@code can't lock file ... got timeout}).
 * Nothing was changed, so the call may be retried after a pause; this is the only write failure
 * the adapter retries.
 */
public class PveLockTimeoutException extends PveException {

    public PveLockTimeoutException(String pveMessage, int httpStatus) {
        super(ErrorCode.STATE_CONFLICT, "error.state_conflict", pveMessage, httpStatus);
    }
}
