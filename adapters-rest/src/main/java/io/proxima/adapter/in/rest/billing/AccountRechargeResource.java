package io.proxima.adapter.in.rest.billing;

import org.jboss.resteasy.reactive.RestResponse;
import io.proxima.adapter.in.rest.common.ApiResponse;
import io.proxima.adapter.in.rest.common.SuccessStatus;
import io.proxima.adapter.in.rest.billing.BillingDtos.RechargeRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Seed 000's recharge route, the same as {@code POST /billing/recharges}. */
@Path("/api/v1/account/balance/recharge")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"user", "support", "admin"})
@Tag(name = "Billing")
public class AccountRechargeResource {

    @Inject
    BillingResource billing;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Seed 000 alias of POST /billing/recharges")
    @SuccessStatus(201)
    public RestResponse<ApiResponse<BillingDtos.RechargeResponse>> recharge(RechargeRequest body, @HeaderParam(BillingResource.IDEMPOTENCY_KEY) String key) {
        return billing.recharge(body, key);
    }
}
