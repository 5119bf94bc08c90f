package io.proxima.application.billing.port.in;

import io.proxima.application.billing.port.in.BillingViews.Created;
import io.proxima.application.billing.port.in.BillingViews.RefundView;
import java.util.UUID;

/** Administrators' refunds: a paid order back through its gateway, or charges back to the balance. */
public interface RefundUseCase {

    /** Raw refund request: {@code destination} is {@code gateway} (needs {@code orderId}) or {@code balance} (needs {@code userId}). */
    record RefundRequest(UUID adminId, UUID orderId, UUID userId, UUID vmId, String amount, String currency,
                         String destination, String reason, String idempotencyKey) {
    }

    Created<RefundView> refund(RefundRequest request);
}
