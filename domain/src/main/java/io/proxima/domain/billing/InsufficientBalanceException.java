package io.proxima.domain.billing;

import io.proxima.domain.shared.DomainException;
import io.proxima.domain.shared.ErrorCode;
import java.util.Map;

/** The balance does not cover what is asked (HTTP 402, code 40201); details say how much is missing. */
public class InsufficientBalanceException extends DomainException {

    public InsufficientBalanceException(Money balance, Money required) {
        super(ErrorCode.INSUFFICIENT_BALANCE, "error.insufficient_balance",
                "balance " + balance + " does not cover " + required,
                Map.of("balance", balance.toPlainString(), "required", required.toPlainString(),
                        "currency", balance.currencyCode()), new Object[0]);
    }
}
