package io.proxima.adapter.in.rest.billing;

import org.jboss.resteasy.reactive.RestResponse;
import io.proxima.adapter.in.rest.common.SuccessStatus;
import io.proxima.adapter.in.rest.billing.BillingDtos.AdjustmentRequest;
import io.proxima.adapter.in.rest.billing.BillingDtos.TransactionResponse;
import io.proxima.adapter.in.rest.common.ApiResponse;
import io.proxima.application.billing.port.in.BalanceUseCase;
import io.proxima.application.billing.port.in.BillingViews.Created;
import io.proxima.application.billing.port.in.BillingViews.TransactionView;
import io.proxima.domain.shared.ValidationException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Administrators' signed balance adjustments with a reason (a ledger entry naming the admin).
 * The audit record is written by the use case, in the transaction that moves the money.
 */
@Path("/api/v1/users/{id}/balance-adjustments")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("admin")
@Tag(name = "Billing (admin)")
public class BalanceAdjustmentResource {

    @Inject
    CurrentCaller caller;


    @Inject
    BalanceUseCase balances;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Signed balance adjustment with a reason (ledger entry)")
    @SuccessStatus(201)
    public RestResponse<ApiResponse<BillingDtos.TransactionResponse>> adjust(@PathParam("id") String id, AdjustmentRequest body,
                           @HeaderParam(BillingResource.IDEMPOTENCY_KEY) String key) {
        if (body == null) {
            throw ValidationException.of("amount", "validation.required", "is required");
        }
        Created<TransactionView> t = balances.adjust(new BalanceUseCase.AdjustBalance(Params.pathId(id, "user"),
                body.amount(), body.currency(), body.reason(), caller.id(), key));
        return RestResponse.ResponseBuilder.create(RestResponse.Status.CREATED, ApiResponse.created(TransactionResponse.from(t.value())))
                .header("Idempotent-Replayed", t.replayed() ? "true" : null).build();
    }
}
