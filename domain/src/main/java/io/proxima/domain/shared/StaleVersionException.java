package io.proxima.domain.shared;

import java.util.Map;

/** An update was based on an outdated version of the resource (optimistic concurrency). */
public class StaleVersionException extends DomainException {

    public StaleVersionException(String resource, long expected, long actual) {
        super(ErrorCode.CONFLICT, "error.stale_version",
                resource + " was modified by someone else (version " + expected + " is stale, current is " + actual + ")",
                Map.of("current_version", actual), new Object[] {resource});
    }
}
