package io.proxima.application.billing.port.out;

import io.proxima.domain.shared.DomainException;
import io.proxima.domain.shared.ErrorCode;

/** The payment provider failed or could not be reached (HTTP 503 to the client). */
public class PaymentGatewayException extends DomainException {

    public PaymentGatewayException(String gateway, String why) {
        super(ErrorCode.UNAVAILABLE, "error.billing.gateway_unavailable", "payment gateway " + gateway + " failed: " + why,
                gateway);
    }
}
