package io.proxima.adapter.in.rest.billing;

import org.jboss.resteasy.reactive.RestResponse;
import io.proxima.adapter.in.rest.common.SuccessStatus;
import io.proxima.adapter.in.rest.billing.BillingDtos.BalanceResponse;
import io.proxima.adapter.in.rest.billing.BillingDtos.InvoiceResponse;
import io.proxima.adapter.in.rest.billing.BillingDtos.RechargeRequest;
import io.proxima.adapter.in.rest.billing.BillingDtos.RechargeResponse;
import io.proxima.adapter.in.rest.billing.BillingDtos.TransactionResponse;
import io.proxima.adapter.in.rest.common.ApiResponse;
import io.proxima.adapter.in.rest.common.PageParams;
import io.proxima.adapter.in.rest.common.PageResponse;
import io.proxima.application.billing.port.in.BalanceUseCase;
import io.proxima.application.billing.port.in.BillingQueryUseCase;
import io.proxima.application.billing.port.in.BillingViews.Created;
import io.proxima.application.billing.port.in.BillingViews.RechargeView;
import io.proxima.application.billing.port.in.BillingViews.TransactionFilter;
import io.proxima.application.billing.port.in.RechargeUseCase;
import io.proxima.domain.shared.ValidationException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The customer's side of billing: balance, recharges, ledger, statements. Own resources only.
 * Routes outside {@code /billing} live in their own classes with their full literal path, so that
 * another context's resource on a shorter prefix ({@code /api/v1/account}, {@code /api/v1/users})
 * can never shadow them in JAX-RS matching.
 */
@Path("/api/v1/billing")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"user", "support", "admin"})
@Tag(name = "Billing")
public class BillingResource {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    @Inject
    CurrentCaller caller;

    @Inject
    RechargeUseCase recharges;

    @Inject
    BalanceUseCase balances;

    @Inject
    BillingQueryUseCase queries;

    @GET
    @Path("balance")
    @Operation(summary = "Balance, current burn rate per hour and the hours it lasts")
    public ApiResponse<BalanceResponse> balance() {
        return ApiResponse.ok(BalanceResponse.from(balances.balance(caller.id())));
    }

    @POST
    @Path("recharges")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a recharge order; answers the payment URL. Idempotent by Idempotency-Key")
    @SuccessStatus(201)
    public RestResponse<ApiResponse<RechargeResponse>> recharge(RechargeRequest body, @HeaderParam(IDEMPOTENCY_KEY) String key) {
        if (body == null) {
            throw ValidationException.of("amount", "validation.required", "is required");
        }
        Created<RechargeView> created = recharges.create(new RechargeUseCase.CreateRecharge(caller.id(), body.amount(),
                body.currency(), body.gateway(), key));
        // A replay answers exactly as the first request did, and says so.
        return RestResponse.ResponseBuilder.create(RestResponse.Status.CREATED, ApiResponse.created(RechargeResponse.from(created.value())))
                .header("Idempotent-Replayed", created.replayed() ? "true" : null).build();
    }

    @GET
    @Path("recharges")
    @Operation(summary = "The caller's recharge orders, newest first")
    public ApiResponse<PageResponse<RechargeResponse>> orders(@BeanParam PageParams page) {
        return ApiResponse.ok(PageResponse.of(queries.orders(caller.id(), page.toPageRequest()), RechargeResponse::from));
    }

    @GET
    @Path("recharges/{id}")
    @Operation(summary = "One recharge order (404 for another user's)")
    public ApiResponse<RechargeResponse> order(@PathParam("id") String id) {
        return ApiResponse.ok(RechargeResponse.from(recharges.get(Params.pathId(id, "recharge"), caller.id(), caller.isAdmin())));
    }

    @GET
    @Path("transactions")
    @Operation(summary = "The caller's ledger with the balance after each line; filters type, from, to, vm_id")
    public ApiResponse<PageResponse<TransactionResponse>> transactions(@QueryParam("type") String type,
            @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("vm_id") String vmId,
            @BeanParam PageParams page) {
        TransactionFilter filter = new TransactionFilter(caller.id(), Params.type(type), Params.time(from, "from"),
                Params.time(to, "to"), Params.queryId(vmId, "vm_id"));
        return ApiResponse.ok(PageResponse.of(queries.transactions(filter, page.toPageRequest()), TransactionResponse::from));
    }

    @GET
    @Path("invoices")
    @Operation(summary = "The caller's monthly statements, newest first")
    public ApiResponse<PageResponse<InvoiceResponse>> invoices(@BeanParam PageParams page) {
        return ApiResponse.ok(PageResponse.of(queries.invoices(caller.id(), page.toPageRequest()),
                s -> InvoiceResponse.from(s, null)));
    }

    @GET
    @Path("invoices/{id}")
    @Operation(summary = "One monthly statement with a line per VM")
    public ApiResponse<InvoiceResponse> invoice(@PathParam("id") String id) {
        return ApiResponse.ok(InvoiceResponse.from(queries.invoice(Params.pathId(id, "invoice"), caller.id(), caller.isAdmin())));
    }
}
