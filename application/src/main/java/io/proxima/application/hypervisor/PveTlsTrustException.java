package io.proxima.application.hypervisor;

/** The node's certificate matched neither the pinned fingerprint nor the configured CA: nothing was sent. */
public class PveTlsTrustException extends PveUnreachableException {

    public PveTlsTrustException(String message) {
        super(message, 0);
    }
}
