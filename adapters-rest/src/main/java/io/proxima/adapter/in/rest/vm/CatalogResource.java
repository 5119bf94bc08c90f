package io.proxima.adapter.in.rest.vm;

import org.jboss.resteasy.reactive.RestResponse;
import io.proxima.adapter.in.rest.common.SuccessStatus;
import io.proxima.adapter.in.rest.common.Ids;

import io.proxima.adapter.in.rest.common.ApiResponse;
import io.proxima.adapter.in.rest.security.CurrentUser;
import io.proxima.adapter.in.rest.vm.VmRequests.IpPoolRequest;
import io.proxima.adapter.in.rest.vm.VmRequests.PlanRequest;
import io.proxima.adapter.in.rest.vm.VmRequests.TemplateRequest;
import io.proxima.adapter.in.rest.vm.VmResponses.IpPoolResponse;
import io.proxima.adapter.in.rest.vm.VmResponses.PlanResponse;
import io.proxima.adapter.in.rest.vm.VmResponses.TemplateResponse;
import io.proxima.application.system.port.in.SystemSettingsUseCase;
import io.proxima.application.vm.port.in.CatalogUseCase;
import io.proxima.domain.billing.Money;
import io.proxima.domain.node.IpPool;
import io.proxima.domain.node.Ipv4Cidr;
import io.proxima.domain.shared.FieldError;
import io.proxima.domain.shared.ValidationException;
import io.proxima.domain.system.Setting;
import io.proxima.domain.vm.GuestType;
import io.proxima.domain.vm.Plan;
import io.proxima.domain.vm.ResourceSpec;
import io.proxima.domain.vm.Template;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Plans (public list, seed 000), templates (customers list, admins manage) and IP pools (admins). */
@Path("/api/v1")
@Tag(name = "Plans, templates and IP pools")
@Produces(MediaType.APPLICATION_JSON)
public class CatalogResource {

    @Inject
    CatalogUseCase catalog;

    @Inject
    SystemSettingsUseCase settings;

    @Inject
    CurrentUser currentUser;

    // --- plans ---------------------------------------------------------------------------------

    @GET
    @Path("/plans")
    @PermitAll
    public ApiResponse<List<PlanResponse>> plans(@QueryParam("include_retired") boolean includeRetired) {
        boolean all = includeRetired && currentUser.isAuthenticated() && currentUser.isAdmin();
        return ApiResponse.ok(catalog.plans(all).stream().map(PlanResponse::from).toList());
    }

    @GET
    @Path("/plans/{id}")
    @PermitAll
    public ApiResponse<PlanResponse> plan(@PathParam("id") String id) {
        Plan p = catalog.plan(Ids.required("Plan", id));
        if (!p.active() && !(currentUser.isAuthenticated() && currentUser.isAdmin())) {
            throw new io.proxima.domain.shared.NotFoundException("Plan", id);
        }
        return ApiResponse.ok(PlanResponse.from(p));
    }

    @POST
    @Path("/plans")
    @RolesAllowed("admin")
    @Consumes(MediaType.APPLICATION_JSON)
    @SuccessStatus(201)
    public RestResponse<ApiResponse<PlanResponse>> createPlan(@Valid @NotNull PlanRequest r) {
        Plan p = catalog.createPlan(plan(UUID.randomUUID(), r));
        return RestResponse.ResponseBuilder.create(RestResponse.Status.CREATED, ApiResponse.created(PlanResponse.from(p))).build();
    }

    @PUT
    @Path("/plans/{id}")
    @RolesAllowed("admin")
    @Consumes(MediaType.APPLICATION_JSON)
    public ApiResponse<PlanResponse> updatePlan(@PathParam("id") String id, @Valid @NotNull PlanRequest r) {
        UUID planId = Ids.required("Plan", id);
        return ApiResponse.ok(PlanResponse.from(catalog.updatePlan(planId, plan(planId, r), r.version())));
    }

    @DELETE
    @Path("/plans/{id}")
    @RolesAllowed("admin")
    public ApiResponse<PlanResponse> retirePlan(@PathParam("id") String id) {
        return ApiResponse.ok(PlanResponse.from(catalog.retirePlan(Ids.required("Plan", id))));
    }

    private Plan plan(UUID id, PlanRequest r) {
        List<FieldError> errors = new ArrayList<>();
        Currency currency = currency(r.currency(), errors);
        GuestType type = guard(errors, () -> GuestType.parse("type", r.type()));
        ResourceSpec spec = guard(errors, () -> new ResourceSpec(r.cpuCores(), r.memoryMb(), r.diskGb()));
        Money hourly = currency == null ? null : guard(errors, () -> Money.parse(r.priceHourly(), currency, "price_hourly"));
        Money monthly = currency == null ? null : guard(errors, () -> Money.parse(r.priceMonthly(), currency, "price_monthly"));
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return new Plan(id, r.name(), type, spec, r.bandwidthGb() == null ? 0 : r.bandwidthGb(),
                r.snapshotLimit() == null ? 0 : r.snapshotLimit(), hourly, monthly, r.active() == null || r.active(), 0);
    }

    private Currency currency(String raw, List<FieldError> errors) {
        String code = raw == null || raw.isBlank() ? settings.text(Setting.CURRENCY) : raw.trim().toUpperCase();
        try {
            return Currency.getInstance(code);
        } catch (IllegalArgumentException e) {
            errors.add(FieldError.of("currency", "validation.currency", "must be an ISO 4217 currency code"));
            return null;
        }
    }

    // --- templates -----------------------------------------------------------------------------

    @GET
    @Path("/templates")
    @Authenticated
    public ApiResponse<List<TemplateResponse>> templates(@QueryParam("include_inactive") boolean includeInactive) {
        return ApiResponse.ok(catalog.templates(includeInactive && currentUser.isAdmin()).stream()
                .map(TemplateResponse::from).toList());
    }

    @GET
    @Path("/templates/{id}")
    @Authenticated
    public ApiResponse<TemplateResponse> template(@PathParam("id") String id) {
        Template t = catalog.template(Ids.required("Template", id));
        if (!t.active() && !currentUser.isAdmin()) {
            throw new io.proxima.domain.shared.NotFoundException("Template", id);
        }
        return ApiResponse.ok(TemplateResponse.from(t));
    }

    @POST
    @Path("/templates")
    @RolesAllowed("admin")
    @Consumes(MediaType.APPLICATION_JSON)
    @SuccessStatus(201)
    public RestResponse<ApiResponse<TemplateResponse>> createTemplate(@Valid @NotNull TemplateRequest r) {
        Template t = catalog.createTemplate(template(UUID.randomUUID(), r));
        return RestResponse.ResponseBuilder.create(RestResponse.Status.CREATED, ApiResponse.created(TemplateResponse.from(t))).build();
    }

    @PUT
    @Path("/templates/{id}")
    @RolesAllowed("admin")
    @Consumes(MediaType.APPLICATION_JSON)
    public ApiResponse<TemplateResponse> updateTemplate(@PathParam("id") String id, @Valid @NotNull TemplateRequest r) {
        UUID templateId = Ids.required("Template", id);
        return ApiResponse.ok(TemplateResponse.from(catalog.updateTemplate(templateId, template(templateId, r), r.version())));
    }

    @DELETE
    @Path("/templates/{id}")
    @RolesAllowed("admin")
    public ApiResponse<TemplateResponse> deleteTemplate(@PathParam("id") String id) {
        return ApiResponse.ok(TemplateResponse.from(catalog.deactivateTemplate(Ids.required("Template", id))));
    }

    private static Template template(UUID id, TemplateRequest r) {
        return new Template(id, r.name(), GuestType.parse("type", r.type()), r.osFamily(), r.pveVmid(), r.ostemplate(),
                r.nodeId(), r.minDiskGb(), r.cloudInit() == null || r.cloudInit(), r.active() == null || r.active(), 0);
    }

    // --- IP pools ------------------------------------------------------------------------------

    @GET
    @Path("/admin/ip-pools")
    @RolesAllowed("admin")
    public ApiResponse<List<IpPoolResponse>> pools() {
        return ApiResponse.ok(catalog.pools().stream()
                .map(p -> IpPoolResponse.from(p, catalog.usage(p.id()).assigned())).toList());
    }

    @GET
    @Path("/admin/ip-pools/{id}")
    @RolesAllowed("admin")
    public ApiResponse<IpPoolResponse> pool(@PathParam("id") String id) {
        UUID poolId = Ids.required("IP pool", id);
        return ApiResponse.ok(IpPoolResponse.from(catalog.pool(poolId), catalog.usage(poolId).assigned()));
    }

    @POST
    @Path("/admin/ip-pools")
    @RolesAllowed("admin")
    @Consumes(MediaType.APPLICATION_JSON)
    @SuccessStatus(201)
    public RestResponse<ApiResponse<IpPoolResponse>> createPool(@Valid @NotNull IpPoolRequest r) {
        IpPool p = catalog.createPool(pool(UUID.randomUUID(), r));
        return RestResponse.ResponseBuilder.create(RestResponse.Status.CREATED, ApiResponse.created(IpPoolResponse.from(p, 0))).build();
    }

    @PUT
    @Path("/admin/ip-pools/{id}")
    @RolesAllowed("admin")
    @Consumes(MediaType.APPLICATION_JSON)
    public ApiResponse<IpPoolResponse> updatePool(@PathParam("id") String id, @Valid @NotNull IpPoolRequest r) {
        UUID poolId = Ids.required("IP pool", id);
        IpPool p = catalog.updatePool(poolId, pool(poolId, r), r.version());
        return ApiResponse.ok(IpPoolResponse.from(p, catalog.usage(poolId).assigned()));
    }

    @DELETE
    @Path("/admin/ip-pools/{id}")
    @RolesAllowed("admin")
    public ApiResponse<Void> deletePool(@PathParam("id") String id) {
        catalog.deletePool(Ids.required("IP pool", id));
        return ApiResponse.ok(null);
    }

    private static IpPool pool(UUID id, IpPoolRequest r) {
        List<FieldError> errors = new ArrayList<>();
        Ipv4Cidr cidr = guard(errors, () -> Ipv4Cidr.parse(r.cidr()));
        Integer gateway = guard(errors, () -> Ipv4Cidr.parseAddress("gateway", r.gateway()));
        Set<Integer> excluded = new HashSet<>();
        List<String> rawExcluded = r.excluded() == null ? List.of() : r.excluded();
        for (int i = 0; i < rawExcluded.size(); i++) {
            String field = "excluded[" + i + "]";
            String raw = rawExcluded.get(i);
            Integer a = guard(errors, () -> Ipv4Cidr.parseAddress(field, raw));
            if (a != null) {
                excluded.add(a);
            }
        }
        List<String> dns = r.dns() == null ? List.of() : r.dns();
        for (int i = 0; i < dns.size(); i++) {
            String field = "dns[" + i + "]";
            String raw = dns.get(i);
            guard(errors, () -> Ipv4Cidr.parseAddress(field, raw));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return new IpPool(id, r.name(), r.nodeId(), r.location(), cidr, gateway, excluded,
                dns.stream().map(String::trim).toList(), 0);
    }

    private static <T> T guard(List<FieldError> errors, java.util.function.Supplier<T> parse) {
        try {
            return parse.get();
        } catch (ValidationException e) {
            errors.addAll(e.fieldErrors());
            return null;
        }
    }
}
