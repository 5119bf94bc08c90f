package io.proxima.application.hypervisor;

/** PVE answered with something that is not its API's shape (empty or malformed body, missing {@code data}). */
public class PveProtocolException extends PveException {

    public PveProtocolException(String message, int httpStatus) {
        super(message, httpStatus);
    }
}
