package io.proxima.adapter.in.rest.vm;

import org.jboss.resteasy.reactive.RestResponse;
import io.proxima.adapter.in.rest.common.SuccessStatus;
import io.proxima.adapter.in.rest.common.Ids;

import io.proxima.adapter.in.rest.common.ApiResponse;
import io.proxima.adapter.in.rest.security.CurrentUser;
import io.proxima.adapter.in.rest.vm.VmRequests.NodeRequest;
import io.proxima.adapter.in.rest.vm.VmResponses.NodeResponse;
import io.proxima.application.hypervisor.port.out.NodeStatus;
import io.proxima.application.hypervisor.port.out.RrdPoint;
import io.proxima.application.hypervisor.port.out.RrdTimeframe;
import io.proxima.application.node.port.in.NodeAdministrationUseCase;
import io.proxima.application.node.port.in.NodeAdministrationUseCase.NodeCommand;
import io.proxima.domain.node.Node;
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
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** PVE nodes, the seeds' "servers" (002, 003): administrators only; secrets are write-only. */
@Path("/api/v1/nodes")
@Tag(name = "Nodes")
@RolesAllowed("admin")
@Produces(MediaType.APPLICATION_JSON)
public class NodeResource {

    @Inject
    CurrentUser currentUser;

    @Inject
    NodeAdministrationUseCase nodes;

    @GET
    public ApiResponse<List<NodeResponse>> list() {
        return ApiResponse.ok(nodes.list().stream().map(NodeResponse::from).toList());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @SuccessStatus(201)
    public RestResponse<ApiResponse<NodeResponse>> register(@Valid @NotNull NodeRequest r) {
        Node node = nodes.register(command(r), currentUser.id().value());
        return RestResponse.ResponseBuilder.create(RestResponse.Status.CREATED, ApiResponse.created(NodeResponse.from(node))).build();
    }

    @GET
    @Path("/{id}")
    public ApiResponse<NodeResponse> get(@PathParam("id") String id) {
        return ApiResponse.ok(NodeResponse.from(nodes.get(Ids.required("Node", id))));
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public ApiResponse<NodeResponse> update(@PathParam("id") String id, @Valid @NotNull NodeRequest r) {
        return ApiResponse.ok(NodeResponse.from(nodes.update(Ids.required("Node", id), command(r), r.version(),
                currentUser.id().value())));
    }

    @DELETE
    @Path("/{id}")
    public ApiResponse<Void> delete(@PathParam("id") String id) {
        nodes.delete(Ids.required("Node", id), currentUser.id().value());
        return ApiResponse.ok(null);
    }

    @POST
    @Path("/{id}/test-connection")
    public ApiResponse<NodeAdministrationUseCase.ConnectionTest> test(@PathParam("id") String id) {
        return ApiResponse.ok(nodes.testConnection(Ids.required("Node", id)));
    }

    /** Seed 003's metrics shape: usage percentages plus the raw figures. */
    public record NodeMetrics(double cpuUsage, double memoryUsage, double diskUsage, long memoryTotal, long memoryUsed,
                              long diskTotal, long diskUsed, int cpus, List<Double> loadAverage, long uptime, Instant timestamp) {
    }

    @GET
    @Path("/{id}/metrics")
    public ApiResponse<NodeMetrics> metrics(@PathParam("id") String id) {
        NodeStatus s = nodes.metrics(Ids.required("Node", id));
        return ApiResponse.ok(new NodeMetrics(round(s.cpu() * 100), pct(s.memUsed(), s.memTotal()),
                pct(s.rootUsed(), s.rootTotal()), s.memTotal(), s.memUsed(), s.rootTotal(), s.rootUsed(), s.cpus(),
                s.loadAverage(), s.uptime(), Instant.now()));
    }

    @GET
    @Path("/{id}/metrics/history")
    public ApiResponse<Metrics.HistoryResponse> history(@PathParam("id") String id, @QueryParam("metric_type") String metric,
                                                    @QueryParam("time_range") String range, @QueryParam("interval") String interval,
                                                    @QueryParam("start_time") String start, @QueryParam("end_time") String end) {
        RrdTimeframe timeframe = Metrics.timeframe(range, interval);
        Instant from = Metrics.time("start_time", start);
        Instant to = Metrics.time("end_time", end);
        List<RrdPoint> points = nodes.history(Ids.required("Node", id), timeframe);
        return ApiResponse.ok(new Metrics.HistoryResponse(metric == null ? "all" : metric, timeframe.name().toLowerCase(),
                Metrics.points(points, metric, from, to)));
    }

    public record NodeStatusResponse(String status, Instant lastHeartbeat, String pveVersion) {
    }

    @GET
    @Path("/{id}/status")
    public ApiResponse<NodeStatusResponse> status(@PathParam("id") String id) {
        Node n = nodes.get(Ids.required("Node", id));
        return ApiResponse.ok(new NodeStatusResponse(n.status().wireName(), n.lastHeartbeatAt(), n.pveVersion()));
    }

    private static NodeCommand command(NodeRequest r) {
        return new NodeCommand(new Node.Settings(r.name(), r.pveNode(), r.apiUrl(), r.apiTokenId(), r.tlsFingerprint(),
                Boolean.TRUE.equals(r.tlsInsecure()), r.location(), r.cpuOvercommit() == null ? 4.0 : r.cpuOvercommit(),
                r.memoryOvercommit() == null ? 1.0 : r.memoryOvercommit(), r.storage() == null ? "local-lvm" : r.storage(),
                r.bridge() == null ? "vmbr0" : r.bridge(), r.enabled() == null || r.enabled()), r.apiTokenSecret());
    }

    private static double pct(long used, long total) {
        return total <= 0 ? 0 : round(100.0 * used / total);
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
