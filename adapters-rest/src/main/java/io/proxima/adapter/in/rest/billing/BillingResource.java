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

    @Inject
    io.proxima.application.user.port.in.AccountUseCase accounts;

    @Inject
    io.proxima.adapter.in.rest.common.Messages messages;

    /**
     * The statement as a printable HTML page in the customer's language (the account's language,
     * whoever asks): print it or save it as PDF from the browser. Everything shown is escaped.
     */
    @GET
    @Path("invoices/{id}/html")
    @jakarta.ws.rs.Produces(jakarta.ws.rs.core.MediaType.TEXT_HTML + "; charset=utf-8")
    @Operation(summary = "One monthly statement as a printable HTML document in the customer's language")
    public String invoiceHtml(@PathParam("id") String id) {
        var d = queries.invoice(Params.pathId(id, "invoice"), caller.id(), caller.isAdmin());
        var s = d.summary();
        java.util.Locale locale = "zh".equals(accounts.profile(new io.proxima.domain.user.UserId(s.ownerId())).language().code())
                ? io.proxima.adapter.in.rest.common.Messages.CHINESE : java.util.Locale.ENGLISH;
        java.util.function.Function<String, String> t = key -> esc(messages.get(locale, "statement." + key, key));
        java.time.format.DateTimeFormatter day = java.time.format.DateTimeFormatter.ISO_LOCAL_DATE.withZone(java.time.ZoneOffset.UTC);
        java.time.format.DateTimeFormatter hour = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
                .withZone(java.time.ZoneOffset.UTC);
        StringBuilder h = new StringBuilder(4096);
        h.append("<!DOCTYPE html><html lang=\"").append(locale.getLanguage()).append("\"><head><meta charset=\"utf-8\"><title>")
                .append(t.apply("title")).append("</title><style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse;"
                        + "width:100%}td,th{border-bottom:1px solid #ccc;padding:.3em;text-align:left}td.n,th.n{text-align:right}"
                        + "@media print{body{margin:0}}</style></head><body>");
        h.append("<h1>").append(t.apply("title")).append("</h1><p>").append(t.apply("period")).append(": ")
                .append(day.format(s.periodStart())).append(" – ").append(day.format(s.periodEnd().minusSeconds(1)))
                .append(" · ").append(esc(s.closingBalance().currencyCode())).append("</p>");
        h.append("<table><tr><th>").append(t.apply("opening")).append("</th><td class=\"n\">").append(s.openingBalance().toPlainString())
                .append("</td></tr><tr><th>").append(t.apply("recharges")).append("</th><td class=\"n\">").append(s.recharges().toPlainString())
                .append("</td></tr><tr><th>").append(t.apply("charges")).append("</th><td class=\"n\">").append(s.charges().toPlainString())
                .append("</td></tr><tr><th>").append(t.apply("refunds")).append("</th><td class=\"n\">").append(s.refunds().toPlainString())
                .append("</td></tr><tr><th>").append(t.apply("adjustments")).append("</th><td class=\"n\">").append(s.adjustments().toPlainString())
                .append("</td></tr><tr><th>").append(t.apply("closing")).append("</th><td class=\"n\">").append(s.closingBalance().toPlainString())
                .append("</td></tr></table>");
        h.append("<h2>").append(t.apply("lines")).append("</h2><table><tr><th>").append(t.apply("vm")).append("</th><th>")
                .append(t.apply("hours_covered")).append("</th><th class=\"n\">").append(t.apply("hours")).append("</th><th class=\"n\">")
                .append(t.apply("amount")).append("</th></tr>");
        for (var l : d.lines()) {
            h.append("<tr><td>").append(esc(l.description())).append("</td><td>")
                    .append(l.periodStart() == null ? "" : hour.format(l.periodStart()) + " – " + hour.format(l.periodEnd()))
                    .append("</td><td class=\"n\">").append(l.hours()).append("</td><td class=\"n\">").append(l.amount().toPlainString())
                    .append("</td></tr>");
        }
        h.append("</table></body></html>");
        return h.toString();
    }

    /** HTML-escapes text that came from users (hostnames) or translations. */
    static String esc(String v) {
        if (v == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(v.length());
        for (char c : v.toCharArray()) {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
