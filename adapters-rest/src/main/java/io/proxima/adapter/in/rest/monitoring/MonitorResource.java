package io.proxima.adapter.in.rest.monitoring;

import io.proxima.adapter.in.rest.audit.AuditLogResponse;
import io.proxima.adapter.in.rest.common.ApiResponse;
import io.proxima.adapter.in.rest.monitoring.MonitoringDtos.AlertResponse;
import io.proxima.application.monitoring.port.in.MonitorDashboardUseCase;
import io.proxima.application.monitoring.port.in.MonitorDashboardUseCase.SystemStats;
import io.proxima.application.monitoring.port.in.MonitorDashboardUseCase.Totals;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The staff dashboard (seed 002) and system statistics (seed 001), from the metrics pipeline. */
@Path("/api/v1")
@Tag(name = "Monitoring")
@RolesAllowed("admin")
@Produces(MediaType.APPLICATION_JSON)
public class MonitorResource {

    @Inject
    MonitorDashboardUseCase dashboard;

    /** Seed 001: {@code cpu_usage}, {@code memory_usage}, {@code disk_usage} (percent), {@code network_rx/tx} (bytes/s), {@code timestamp}. */
    @GET
    @Path("/stats/system")
    public ApiResponse<SystemStats> system() {
        return ApiResponse.ok(dashboard.systemStats());
    }

    @GET
    @Path("/monitor/stats")
    public ApiResponse<Totals> stats() {
        return ApiResponse.ok(dashboard.totals());
    }

    /** Seed 002's dashboard: {@code stats}, {@code alerts} (open ones) and {@code recent_activities} (the audit trail). */
    public record DashboardResponse(Totals stats, List<AlertResponse> alerts, List<AuditLogResponse> recentActivities) {
    }

    @GET
    @Path("/monitor/dashboard")
    public ApiResponse<DashboardResponse> dashboard() {
        MonitorDashboardUseCase.Dashboard d = dashboard.dashboard();
        return ApiResponse.ok(new DashboardResponse(d.stats(), d.alerts().stream().map(AlertResponse::from).toList(),
                d.recentActivities().stream().map(AuditLogResponse::from).toList()));
    }
}
