package io.proxima.application.billing.port.out;

import io.proxima.domain.shared.DomainException;
import io.proxima.domain.shared.ErrorCode;

/** A callback that is forged, stale (replayed) or malformed: answered 400, nothing credited. */
public class InvalidWebhookException extends DomainException {

    public InvalidWebhookException(String why) {
        super(ErrorCode.BAD_REQUEST, "error.billing.webhook_invalid", "invalid webhook: " + why);
    }
}
