package io.proxima.adapter.in.rest.billing;

import io.proxima.adapter.in.rest.billing.BillingDtos.WebhookResponse;
import io.proxima.adapter.in.rest.common.ApiResponse;
import io.proxima.application.billing.port.in.RechargeUseCase;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Gateway callbacks. Anonymous by necessity, so the body is taken raw (the signature covers the
 * exact bytes) and authenticated by the gateway adapter. Duplicates answer 200 so the gateway
 * stops retrying; forged or stale deliveries answer 400 and change nothing.
 */
@Path("/api/v1/billing/webhooks/{gateway}")
@Tag(name = "Billing")
public class BillingWebhookResource {

    @Inject
    RechargeUseCase recharges;

    @POST
    @PermitAll
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Signature-verified payment gateway callback; idempotent by event id")
    public ApiResponse<WebhookResponse> receive(@PathParam("gateway") String gateway, byte[] body, HttpHeaders headers) {
        Map<String, String> flat = new LinkedHashMap<>();
        headers.getRequestHeaders().forEach((k, v) -> flat.put(k, v.isEmpty() ? null : v.get(0)));
        RechargeUseCase.WebhookOutcome outcome = recharges.handleWebhook(gateway, flat, body == null ? new byte[0] : body);
        return ApiResponse.ok(new WebhookResponse(outcome.name().toLowerCase(java.util.Locale.ROOT)));
    }
}
