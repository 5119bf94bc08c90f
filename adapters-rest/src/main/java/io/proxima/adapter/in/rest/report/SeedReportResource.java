package io.proxima.adapter.in.rest.report;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Seed 000's spelling of the report routes ({@code /admin/report/...}); the same answers as {@link ReportResource}. */
@Path("/api/v1/admin/report")
@Tag(name = "Reports (admin)")
@RolesAllowed("admin")
public class SeedReportResource {

    @Inject
    ReportResource reports;

    @GET
    @Path("/daily-income")
    @Produces({MediaType.APPLICATION_JSON, ReportResource.CSV})
    @Operation(operationId = "reportDailyIncomeSeed000", summary = "Seed 000's spelling of /admin/reports/daily-income")
    public Response dailyIncome(@Context HttpHeaders headers, @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("tz") String tz,
                                @QueryParam("currency") String currency, @QueryParam("format") String format) {
        return reports.dailyIncome(headers, from, to, tz, currency, format);
    }

    @GET
    @Path("/user-growth")
    @Produces({MediaType.APPLICATION_JSON, ReportResource.CSV})
    @Operation(operationId = "reportUserGrowthSeed000", summary = "Seed 000's spelling of /admin/reports/user-growth")
    public Response userGrowth(@Context HttpHeaders headers, @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("tz") String tz,
                               @QueryParam("interval") String interval, @QueryParam("format") String format) {
        return reports.userGrowth(headers, from, to, tz, interval, format);
    }

    @GET
    @Path("/resource-usage")
    @Produces({MediaType.APPLICATION_JSON, ReportResource.CSV})
    @Operation(operationId = "reportResourceUsageSeed000", summary = "Seed 000's spelling of /admin/reports/resource-usage")
    public Response resourceUsage(@Context HttpHeaders headers, @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("tz") String tz,
                                  @QueryParam("currency") String currency, @QueryParam("format") String format) {
        return reports.resourceUsage(headers, from, to, tz, currency, format);
    }

    @GET
    @Path("/node-status")
    @Produces({MediaType.APPLICATION_JSON, ReportResource.CSV})
    @Operation(operationId = "reportNodeStatusSeed000", summary = "Seed 000's spelling of /admin/reports/node-status")
    public Response nodeStatus(@Context HttpHeaders headers, @QueryParam("format") String format) {
        return reports.nodeStatus(headers, format);
    }
}
