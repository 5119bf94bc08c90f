package io.proxima.adapter.in.rest.vm;

import org.jboss.resteasy.reactive.RestResponse;
import io.proxima.adapter.in.rest.common.SuccessStatus;
import io.proxima.adapter.in.rest.common.Ids;

import io.proxima.adapter.in.rest.common.ApiResponse;
import io.proxima.adapter.in.rest.security.CurrentUser;
import io.proxima.adapter.in.rest.vm.VmResponses.OperationResponse;
import io.proxima.application.hypervisor.port.out.RrdTimeframe;
import io.proxima.application.hypervisor.port.out.Snapshot;
import io.proxima.application.vm.port.in.SnapshotUseCase;
import io.proxima.application.vm.port.in.VmActionsUseCase.Actor;
import io.proxima.application.vm.port.in.VmInsightUseCase;
import io.proxima.domain.shared.ValidationException;
import io.proxima.domain.vm.Operation;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Stats, history, batch status (seed 004) and snapshots (seed 001) of VMs. */
@Path("/api/v1/vms")
@Tag(name = "Virtual machines")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class VmInsightResource {

    @Inject
    CurrentUser currentUser;

    @Inject
    VmInsightUseCase insight;

    @Inject
    SnapshotUseCase snapshots;

    @GET
    @Path("/status")
    public ApiResponse<List<VmInsightUseCase.BatchStatus>> batch(@QueryParam("ids") String ids) {
        if (ids == null || ids.isBlank()) {
            throw ValidationException.of("ids", "validation.required", "is required (comma-separated VM ids)");
        }
        List<UUID> list = new ArrayList<>();
        for (String raw : ids.split(",")) {
            if (!raw.isBlank()) {
                list.add(Ids.optional("ids", raw));
            }
        }
        return ApiResponse.ok(List.copyOf(insight.batchStatus(list, actor()).values()));
    }

    @GET
    @Path("/{id}/stats")
    public ApiResponse<VmInsightUseCase.VmStats> stats(@PathParam("id") String id) {
        return ApiResponse.ok(insight.stats(Ids.required("VM", id), actor()));
    }

    @GET
    @Path("/{id}/metrics/history")
    public ApiResponse<Metrics.HistoryResponse> history(@PathParam("id") String id, @QueryParam("metric_type") String metric,
                                                    @QueryParam("time_range") String range, @QueryParam("interval") String interval,
                                                    @QueryParam("start_time") String start, @QueryParam("end_time") String end) {
        RrdTimeframe timeframe = Metrics.timeframe(range, interval);
        Instant from = Metrics.time("start_time", start);
        Instant to = Metrics.time("end_time", end);
        return ApiResponse.ok(new Metrics.HistoryResponse(metric == null ? "all" : metric, timeframe.pveName(),
                Metrics.points(insight.history(Ids.required("VM", id), timeframe, actor()), metric, from, to)));
    }

    public record SnapshotResponse(String id, String name, String description, String parent, Instant createdAt) {
        static SnapshotResponse from(Snapshot s) {
            return new SnapshotResponse(s.name(), s.name(), s.description(), s.parent(), s.createdAt());
        }
    }

    public record SnapshotRequest(@NotBlank @Size(max = 40) String name, @Size(max = 500) String description) {
    }

    @GET
    @Path("/{id}/snapshots")
    public ApiResponse<List<SnapshotResponse>> snapshots(@PathParam("id") String id) {
        return ApiResponse.ok(snapshots.list(Ids.required("VM", id), actor()).stream().map(SnapshotResponse::from).toList());
    }

    @POST
    @Path("/{id}/snapshots")
    @Consumes(MediaType.APPLICATION_JSON)
    @SuccessStatus(202)
    public RestResponse<ApiResponse<OperationResponse>> createSnapshot(@PathParam("id") String id, @Valid @NotNull SnapshotRequest r) {
        Operation op = snapshots.create(Ids.required("VM", id), r.name(), r.description(), actor());
        return VmResource.accepted(op, OperationResponse.from(op));
    }

    @DELETE
    @Path("/{id}/snapshots/{name}")
    @SuccessStatus(202)
    public RestResponse<ApiResponse<OperationResponse>> deleteSnapshot(@PathParam("id") String id, @PathParam("name") String name) {
        Operation op = snapshots.delete(Ids.required("VM", id), name, actor());
        return VmResource.accepted(op, OperationResponse.from(op));
    }

    @POST
    @Path("/{id}/snapshots/{name}/rollback")
    @SuccessStatus(202)
    public RestResponse<ApiResponse<OperationResponse>> rollback(@PathParam("id") String id, @PathParam("name") String name) {
        Operation op = snapshots.rollback(Ids.required("VM", id), name, actor());
        return VmResource.accepted(op, OperationResponse.from(op));
    }

    @Inject
    io.proxima.application.vm.port.in.FirewallUseCase firewall;

    @GET
    @Path("/{id}/firewall")
    public ApiResponse<List<FirewallResource.FirewallRuleResponse>> firewall(@PathParam("id") String id) {
        UUID vmId = Ids.required("VM", id);
        var rules = firewall.list(vmId, actor());
        var sync = firewall.syncState(vmId, actor());
        return ApiResponse.ok(rules.stream().map(r -> FirewallResource.FirewallRuleResponse.from(r, sync)).toList());
    }

    @POST
    @Path("/{id}/firewall")
    @Consumes(MediaType.APPLICATION_JSON)
    @SuccessStatus(201)
    public RestResponse<ApiResponse<FirewallResource.FirewallRuleResponse>> addRule(@PathParam("id") String id, @Valid @NotNull FirewallResource.FirewallRuleRequest r) {
        UUID vmId = Ids.required("VM", id);
        var rule = firewall.create(vmId, r.toSpec(), actor());
        return RestResponse.ResponseBuilder.create(RestResponse.Status.CREATED, ApiResponse.created(
                FirewallResource.FirewallRuleResponse.from(rule, firewall.syncState(vmId, actor())))).build();
    }

    private Actor actor() {
        return new Actor(currentUser.id().value(), currentUser.isAdmin());
    }
}
