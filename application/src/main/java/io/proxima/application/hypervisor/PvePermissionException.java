package io.proxima.application.hypervisor;

/** PVE's ACL check failed (HTTP 403), typically a privilege-separated token without its own ACL. */
public class PvePermissionException extends PveException {

    public PvePermissionException(String pveMessage, int httpStatus) {
        super(pveMessage, httpStatus);
    }
}
