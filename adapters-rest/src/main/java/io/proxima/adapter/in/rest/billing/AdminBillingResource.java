package io.proxima.adapter.in.rest.billing;

import org.jboss.resteasy.reactive.RestResponse;
import io.proxima.adapter.in.rest.common.SuccessStatus;
import io.proxima.adapter.in.rest.billing.BillingDtos.AdjustmentRequest;
import io.proxima.adapter.in.rest.billing.BillingDtos.BalanceResponse;
import io.proxima.adapter.in.rest.billing.BillingDtos.LedgerCheckResponse;
import io.proxima.adapter.in.rest.billing.BillingDtos.RechargeResponse;
import io.proxima.adapter.in.rest.billing.BillingDtos.RefundRequest;
import io.proxima.adapter.in.rest.billing.BillingDtos.RefundResponse;
import io.proxima.adapter.in.rest.billing.BillingDtos.TransactionResponse;
import io.proxima.adapter.in.rest.common.ApiResponse;
import io.proxima.adapter.in.rest.common.PageParams;
import io.proxima.adapter.in.rest.common.PageResponse;
import io.proxima.application.billing.port.in.BalanceUseCase;
import io.proxima.application.billing.port.in.BillingQueryUseCase;
import io.proxima.application.billing.port.in.BillingViews.Created;
import io.proxima.application.billing.port.in.BillingViews.RefundView;
import io.proxima.application.billing.port.in.BillingViews.TransactionFilter;
import io.proxima.application.billing.port.in.BillingViews.TransactionView;
import io.proxima.application.billing.port.in.RechargeUseCase;
import io.proxima.application.billing.port.in.RefundUseCase;
import io.proxima.domain.shared.ValidationException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Administrators' billing: manual confirmations, all transactions, refunds, balance adjustments
 * and the ledger proof. Each money movement records the administrator and the reason in the
 * ledger; audit records are written by the use cases, in their transactions.
 */
@Path("/api/v1/admin/billing")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("admin")
@Tag(name = "Billing (admin)")
public class AdminBillingResource {

    @Inject
    CurrentCaller caller;


    @Inject
    RechargeUseCase recharges;

    @Inject
    RefundUseCase refunds;

    @Inject
    BalanceUseCase balances;

    @Inject
    BillingQueryUseCase queries;

    @POST
    @Path("recharges/{id}/confirm")
    @Operation(summary = "Confirm a manual (bank transfer) payment; credits once")
    public ApiResponse<RechargeResponse> confirm(@PathParam("id") String id) {
        var order = recharges.confirmManual(Params.pathId(id, "recharge"), caller.id());
        return ApiResponse.ok(RechargeResponse.from(order));
    }

    @GET
    @Path("transactions")
    @Operation(summary = "Every ledger line; filters user_id, type, from, to, vm_id")
    public ApiResponse<PageResponse<TransactionResponse>> transactions(@QueryParam("user_id") String userId,
            @QueryParam("type") String type, @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("vm_id") String vmId, @BeanParam PageParams page) {
        TransactionFilter filter = new TransactionFilter(Params.queryId(userId, "user_id"), Params.type(type),
                Params.time(from, "from"), Params.time(to, "to"), Params.queryId(vmId, "vm_id"));
        return ApiResponse.ok(PageResponse.of(queries.transactions(filter, page.toPageRequest()), TransactionResponse::from));
    }

    @POST
    @Path("refunds")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Refund a paid order through its gateway, or charges to the balance; reason required")
    @SuccessStatus(201)
    public RestResponse<ApiResponse<RefundResponse>> refund(RefundRequest body, @HeaderParam(BillingResource.IDEMPOTENCY_KEY) String key) {
        if (body == null) {
            throw ValidationException.of("destination", "validation.required", "is required");
        }
        Created<RefundView> r = refunds.refund(new RefundUseCase.RefundRequest(caller.id(), body.orderId(), body.userId(),
                body.vmId(), body.amount(), body.currency(), body.destination(), body.reason(), key));
        return RestResponse.ResponseBuilder.create(RestResponse.Status.CREATED, ApiResponse.created(RefundResponse.from(r.value())))
                .header("Idempotent-Replayed", r.replayed() ? "true" : null).build();
    }

    @GET
    @Path("users/{id}/balance")
    @Operation(summary = "A user's balance and burn rate")
    public ApiResponse<BalanceResponse> balance(@PathParam("id") String id) {
        return ApiResponse.ok(BalanceResponse.from(balances.balance(Params.pathId(id, "user"))));
    }

    @GET
    @Path("ledger/check")
    @Operation(summary = "Proves that every balance equals the sum of its ledger entries")
    public ApiResponse<LedgerCheckResponse> check() {
        return ApiResponse.ok(LedgerCheckResponse.from(balances.checkLedger()));
    }
}
