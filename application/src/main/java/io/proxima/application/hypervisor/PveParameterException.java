package io.proxima.application.hypervisor;

import java.util.Map;

/**
 * PVE refused the request's parameters (HTTP 400 {@code Parameter verification failed.}). This
 * is Proxima's fault, not the user's, hence a hypervisor error; {@link #errors()} names each
 * offending parameter as PVE did.
 */
public class PveParameterException extends PveException {

    private final transient Map<String, String> errors;

    public PveParameterException(String pveMessage, int httpStatus, Map<String, String> errors) {
        super(augment(pveMessage, errors), httpStatus);
        this.errors = errors == null ? Map.of() : Map.copyOf(errors);
    }

    /** Parameter name to PVE's complaint. */
    public Map<String, String> errors() {
        return errors;
    }

    private static String augment(String message, Map<String, String> errors) {
        return errors == null || errors.isEmpty() ? message : message + " " + errors;
    }
}
