package io.proxima.adapter.in.rest.billing;

import org.jboss.resteasy.reactive.RestResponse;
import io.proxima.adapter.in.rest.common.ApiResponse;
import io.proxima.adapter.in.rest.common.SuccessStatus;
import io.proxima.adapter.in.rest.billing.BillingDtos.AdjustmentRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Seed 000's {@code PUT /admin/users/{id}/balance}: the same signed adjustment with a reason. */
@Path("/api/v1/admin/users/{id}/balance")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("admin")
@Tag(name = "Billing (admin)")
public class SeedBalanceResource {

    @Inject
    BalanceAdjustmentResource adjustments;

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Seed 000 form of the balance adjustment (signed amount + reason)")
    @SuccessStatus(201)
    public RestResponse<ApiResponse<BillingDtos.TransactionResponse>> adjust(@PathParam("id") String id, AdjustmentRequest body,
                           @HeaderParam(BillingResource.IDEMPOTENCY_KEY) String key) {
        return adjustments.adjust(id, body, key);
    }
}
