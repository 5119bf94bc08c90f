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
}
