package io.proxima.application.audit.port.out;

import java.util.Optional;
import java.util.UUID;

/**
 * Who is calling, as the inbound adapter knows it: the authenticated user (if any), the client
 * address and user agent. Outside a request (scheduled jobs) everything is empty.
 */
public interface CallerContext {

    Optional<UUID> userId();

    Optional<String> ipAddress();

    Optional<String> userAgent();

    /** The API key the request authenticated with, if it did. */
    default Optional<UUID> apiKeyId() {
        return Optional.empty();
    }

    /** That key's public prefix (what the customer sees in the key list). */
    default Optional<String> apiKeyPrefix() {
        return Optional.empty();
    }
}
