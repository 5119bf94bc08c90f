package io.proxima.adapter.in.rest.monitoring;

import io.proxima.adapter.in.rest.common.ApiResponse;
import io.proxima.adapter.in.rest.common.Ids;
import io.proxima.adapter.in.rest.common.PageParams;
import io.proxima.adapter.in.rest.common.PageResponse;
import io.proxima.adapter.in.rest.monitoring.MonitoringDtos.AlertPage;
import io.proxima.adapter.in.rest.monitoring.MonitoringDtos.AlertResponse;
import io.proxima.adapter.in.rest.monitoring.MonitoringDtos.RuleRequest;
import io.proxima.adapter.in.rest.monitoring.MonitoringDtos.RuleResponse;
import io.proxima.adapter.in.rest.security.CurrentUser;
import io.proxima.application.monitoring.port.in.AlertUseCase;
import io.proxima.application.monitoring.port.in.AlertUseCase.RuleCommand;
import io.proxima.application.monitoring.port.out.AlertStore.AlertFilter;
import io.proxima.application.vm.port.in.VmActionsUseCase.Actor;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
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
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Alerts and alert rules (seed 003, SPEC section 3): customers their own, administrators all. */
@Path("/api/v1")
@Tag(name = "Monitoring")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class AlertResource {

    @Inject
    CurrentUser currentUser;

    @Inject
    AlertUseCase alerts;

    @GET
    @Path("/alerts")
    public ApiResponse<AlertPage> list(@BeanParam PageParams page, @QueryParam("node_id") String nodeId,
                                       @QueryParam("server_id") String serverId, @QueryParam("node") String node,
                                       @QueryParam("vm_id") String vmId, @QueryParam("vm") String vm,
                                       @QueryParam("severity") String severity, @QueryParam("status") String status) {
        String n = first(nodeId, serverId, node);
        String v = first(vmId, vm, null);
        return ApiResponse.ok(AlertPage.of(alerts.alerts(new AlertFilter(null, Ids.optional("node_id", n), Ids.optional("vm_id", v),
                blank(severity), blank(status)), page.toPageRequest(), actor())));
    }

    @GET
    @Path("/alerts/{id}")
    public ApiResponse<AlertResponse> get(@PathParam("id") String id) {
        return ApiResponse.ok(AlertResponse.from(alerts.alert(Ids.required("Alert", id), actor())));
    }

    @POST
    @Path("/alerts/{id}/acknowledge")
    public ApiResponse<AlertResponse> acknowledge(@PathParam("id") String id) {
        return ApiResponse.ok(AlertResponse.from(alerts.acknowledge(Ids.required("Alert", id), actor())));
    }

    @POST
    @Path("/alerts/{id}/resolve")
    @RolesAllowed("admin")
    public ApiResponse<AlertResponse> resolve(@PathParam("id") String id) {
        return ApiResponse.ok(AlertResponse.from(alerts.resolve(Ids.required("Alert", id), actor())));
    }

    @GET
    @Path("/alert-rules")
    public ApiResponse<PageResponse<RuleResponse>> rules(@BeanParam PageParams page) {
        return ApiResponse.ok(PageResponse.of(alerts.rules(page.toPageRequest(), actor()), RuleResponse::from));
    }

    @POST
    @Path("/alert-rules")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@NotNull RuleRequest r) {
        return Response.status(201).entity(ApiResponse.created(RuleResponse.from(alerts.createRule(command(r), actor())))).build();
    }

    @GET
    @Path("/alert-rules/{id}")
    public ApiResponse<RuleResponse> rule(@PathParam("id") String id) {
        return ApiResponse.ok(RuleResponse.from(alerts.rule(Ids.required("Alert rule", id), actor())));
    }

    @PUT
    @Path("/alert-rules/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public ApiResponse<RuleResponse> update(@PathParam("id") String id, @NotNull RuleRequest r) {
        return ApiResponse.ok(RuleResponse.from(alerts.updateRule(Ids.required("Alert rule", id), command(r), r.version(), actor())));
    }

    @DELETE
    @Path("/alert-rules/{id}")
    public ApiResponse<Void> delete(@PathParam("id") String id) {
        alerts.deleteRule(Ids.required("Alert rule", id), actor());
        return ApiResponse.ok(null);
    }

    private static RuleCommand command(RuleRequest r) {
        return new RuleCommand(r.name(), r.metric(), r.comparison(), r.threshold(), r.clearThreshold(), r.duration(),
                r.clearDuration(), r.severity(), r.scopeType(), Ids.optional("scope_id", r.scopeId()), r.enabled());
    }

    private static String first(String a, String b, String c) {
        return blank(a) != null ? a : blank(b) != null ? b : blank(c);
    }

    private static String blank(String v) {
        return v == null || v.isBlank() ? null : v;
    }

    private Actor actor() {
        return new Actor(currentUser.id().value(), currentUser.isAdmin());
    }
}
