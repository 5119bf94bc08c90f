package io.proxima.application.hypervisor;

/** PVE rejected the credentials (HTTP 401): a wrong, expired or deleted API token, or an expired ticket. */
public class PveAuthenticationException extends PveException {

    public PveAuthenticationException(String pveMessage, int httpStatus) {
        super(pveMessage, httpStatus);
    }
}
