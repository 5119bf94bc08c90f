package io.proxima.application.hypervisor;

import io.proxima.domain.shared.DomainException;
import io.proxima.domain.shared.ErrorCode;

/**
 * A Proxmox VE call failed. Subclasses say how (not found, locked, unreachable ...) so that
 * callers decide by type, never by parsing PVE's text. The Java message carries PVE's own text
 * for the logs; clients only ever see the translated message key.
 */
public class PveException extends DomainException {

    private final int httpStatus;
    private final String pveMessage;

    public PveException(String pveMessage, int httpStatus) {
        this(ErrorCode.HYPERVISOR_ERROR, "error.hypervisor", pveMessage, httpStatus);
    }

    protected PveException(ErrorCode code, String messageKey, String pveMessage, int httpStatus) {
        super(code, messageKey, describe(httpStatus, pveMessage));
        this.httpStatus = httpStatus;
        this.pveMessage = pveMessage == null ? "" : pveMessage;
    }

    /** The HTTP status PVE answered with; 0 when no response arrived (transport failure, timeout). */
    public int httpStatus() {
        return httpStatus;
    }

    /** PVE's message text (reason phrase or {@code message}), trimmed; empty when there was none. */
    public String pveMessage() {
        return pveMessage;
    }

    private static String describe(int status, String message) {
        String m = message == null || message.isBlank() ? "(no message)" : message;
        return status > 0 ? "PVE " + status + ": " + m : "PVE: " + m;
    }
}
