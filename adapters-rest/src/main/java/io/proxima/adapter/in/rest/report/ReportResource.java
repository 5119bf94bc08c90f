package io.proxima.adapter.in.rest.report;

import io.proxima.adapter.in.rest.common.ApiResponse;
import io.proxima.application.report.port.in.ReportsUseCase;
import io.proxima.application.report.port.in.ReportsUseCase.Query;
import io.proxima.domain.billing.Money;
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
import jakarta.ws.rs.core.StreamingOutput;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Consumer;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Seed 000's business reports, as JSON in the envelope or as CSV ({@code format=csv} or
 * {@code Accept: text/csv}) with a stable header row. Seed 000 spells the prefix
 * {@code /admin/report/}: {@link SeedReportResource} answers there. The class path is the full
 * prefix on purpose: a class at {@code /api/v1/admin} would capture every other admin route.
 */
@Path("/api/v1/admin/reports")
@Tag(name = "Reports (admin)")
@RolesAllowed("admin")
public class ReportResource {

    static final String CSV = "text/csv";

    @Inject
    ReportsUseCase reports;

    // --- JSON views (money as decimal strings of the report's currency) ----------------------

    public record IncomeDayView(LocalDate date, String recharges, Map<String, String> rechargesByGateway, String charges,
                                Map<String, String> chargesByProduct, String refundsToGateway, String refundsToBalance,
                                String adjustments, String reversals, String net) {
    }

    public record DailyIncomeView(LocalDate from, LocalDate to, String timeZone, String currency, List<IncomeDayView> days,
                                  IncomeDayView totals) {
    }

    public record PlanUsageView(UUID planId, String name, String type, Map<String, Long> vmsByStatus, double runningVmHours,
                                String charged) {
    }

    public record CustomerUsageView(UUID userId, String username, String charged, double vmHours) {
    }

    public record ResourceUsageView(LocalDate from, LocalDate to, String timeZone, String currency,
                                    List<ReportsUseCase.NodeUsage> nodes, List<PlanUsageView> plans,
                                    List<CustomerUsageView> topBySpend, List<CustomerUsageView> topByUsage) {
    }

    private static String money(long minor, String currency) {
        return Money.of(minor, Currency.getInstance(currency)).toPlainString();
    }

    private static Map<String, String> money(Map<String, Long> m, String currency) {
        Map<String, String> out = new TreeMap<>();
        m.forEach((k, v) -> out.put(k, money(v, currency)));
        return out;
    }

    private static IncomeDayView view(ReportsUseCase.IncomeDay d, String c) {
        return new IncomeDayView(d.date(), money(d.rechargesMinor(), c), money(d.rechargesByGateway(), c), money(d.chargesMinor(), c),
                money(d.chargesByProduct(), c), money(d.refundsToGatewayMinor(), c), money(d.refundsToBalanceMinor(), c),
                money(d.adjustmentsMinor(), c), money(d.reversalsMinor(), c), money(d.netMinor(), c));
    }

    private static boolean csv(String format, HttpHeaders headers) {
        if (format != null && !format.isBlank()) {
            if (format.equalsIgnoreCase("csv")) {
                return true;
            }
            if (format.equalsIgnoreCase("json")) {
                return false;
            }
            throw io.proxima.domain.shared.ValidationException.of("format", "validation.report.format", "must be json or csv");
        }
        return headers != null && headers.getAcceptableMediaTypes().stream()
                .anyMatch(m -> m.getType().equals("text") && m.getSubtype().equals("csv"));
    }

    // --- daily income ----------------------------------------------------------------------

    @GET
    @Path("/daily-income")
    @Produces({MediaType.APPLICATION_JSON, CSV})
    @Operation(operationId = "reportDailyIncome", summary = "Income per calendar day from the ledger (seed 000)")
    @APIResponse(responseCode = "200", description = "The report", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DailyIncomeEnvelope.class)),
            @Content(mediaType = CSV, schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING))})
    public Response dailyIncome(@Context HttpHeaders headers, @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("tz") String tz,
                                @QueryParam("currency") String currency, @QueryParam("format") String format) {
        ReportsUseCase.DailyIncome r = reports.dailyIncome(new Query(from, to, tz, currency, null));
        String c = r.currency();
        if (csv(format, headers)) {
            TreeSet<String> gateways = new TreeSet<>();
            TreeSet<String> products = new TreeSet<>();
            r.days().forEach(d -> {
                gateways.addAll(d.rechargesByGateway().keySet());
                products.addAll(d.chargesByProduct().keySet());
            });
            List<String> header = new ArrayList<>(List.of("date", "currency", "recharges"));
            gateways.forEach(g -> header.add("recharges_" + g));
            header.add("charges");
            products.forEach(p -> header.add("charges_" + p));
            header.addAll(List.of("refunds_to_gateway", "refunds_to_balance", "adjustments", "reversals", "net"));
            return csvResponse("daily-income", header, out -> r.days().forEach(d -> {
                List<String> row = new ArrayList<>(List.of(d.date().toString(), c, money(d.rechargesMinor(), c)));
                gateways.forEach(g -> row.add(money(d.rechargesByGateway().getOrDefault(g, 0L), c)));
                row.add(money(d.chargesMinor(), c));
                products.forEach(p -> row.add(money(d.chargesByProduct().getOrDefault(p, 0L), c)));
                row.addAll(List.of(money(d.refundsToGatewayMinor(), c), money(d.refundsToBalanceMinor(), c),
                        money(d.adjustmentsMinor(), c), money(d.reversalsMinor(), c), money(d.netMinor(), c)));
                out.accept(row);
            }));
        }
        return Response.ok(ApiResponse.ok(new DailyIncomeView(r.from(), r.to(), r.timeZone(), c,
                r.days().stream().map(d -> view(d, c)).toList(), view(r.totals(), c))), MediaType.APPLICATION_JSON).build();
    }


    // --- user growth -----------------------------------------------------------------------

    @GET
    @Path("/user-growth")
    @Produces({MediaType.APPLICATION_JSON, CSV})
    @Operation(operationId = "reportUserGrowth", summary = "Sign-ups, verified, first paying, active, disabled, deleted per bucket")
    @APIResponse(responseCode = "200", description = "The report", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = UserGrowthEnvelope.class)),
            @Content(mediaType = CSV, schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING))})
    public Response userGrowth(@Context HttpHeaders headers, @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("tz") String tz,
                               @QueryParam("interval") String interval, @QueryParam("format") String format) {
        ReportsUseCase.UserGrowth r = reports.userGrowth(new Query(from, to, tz, null, interval));
        if (csv(format, headers)) {
            return csvResponse("user-growth", List.of("bucket_start", "interval", "signups", "verified", "first_paying", "active",
                    "disabled", "deleted", "cumulative_signups", "cumulative_paying"), out -> r.buckets().forEach(b -> out.accept(
                    List.of(b.start().toString(), r.interval(), n(b.signups()), n(b.verified()), n(b.firstPaying()), n(b.active()),
                            n(b.disabled()), n(b.deleted()), n(b.cumulativeSignups()), n(b.cumulativePaying())))));
        }
        return Response.ok(ApiResponse.ok(r), MediaType.APPLICATION_JSON).build();
    }


    // --- resource usage --------------------------------------------------------------------

    @GET
    @Path("/resource-usage")
    @Produces({MediaType.APPLICATION_JSON, CSV})
    @Operation(operationId = "reportResourceUsage", summary = "Per node and plan: VMs, allocation vs capacity, VM-hours; top customers")
    @APIResponse(responseCode = "200", description = "The report", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ResourceUsageEnvelope.class)),
            @Content(mediaType = CSV, schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING))})
    public Response resourceUsage(@Context HttpHeaders headers, @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("tz") String tz,
                                  @QueryParam("currency") String currency, @QueryParam("format") String format) {
        ReportsUseCase.ResourceUsage r = reports.resourceUsage(new Query(from, to, tz, currency, null));
        String c = r.currency();
        if (csv(format, headers)) {
            // One row per node and per plan, a "scope" column telling them apart.
            return csvResponse("resource-usage", List.of("scope", "id", "name", "vms", "running", "allocated_cores", "total_cores",
                    "allocated_memory_mb", "total_memory_mb", "allocated_disk_gb", "running_vm_hours", "charged"), out -> {
                r.nodes().forEach(nu -> out.accept(List.of("node", nu.nodeId().toString(), nu.name(), n(total(nu.vmsByStatus())),
                        n(nu.vmsByStatus().getOrDefault("running", 0L)), n(nu.allocatedCores()), n(nu.totalCores()),
                        n(nu.allocatedMemoryMb()), n(nu.totalMemoryMb()), n(nu.allocatedDiskGb()),
                        Double.toString(nu.runningVmHours()), "")));
                r.plans().forEach(p -> out.accept(List.of("plan", p.planId().toString(), p.name(), n(total(p.vmsByStatus())),
                        n(p.vmsByStatus().getOrDefault("running", 0L)), "", "", "", "", "", Double.toString(p.runningVmHours()),
                        money(p.chargedMinor(), c))));
            });
        }
        return Response.ok(ApiResponse.ok(new ResourceUsageView(r.from(), r.to(), r.timeZone(), c, r.nodes(),
                r.plans().stream().map(p -> new PlanUsageView(p.planId(), p.name(), p.type(), p.vmsByStatus(), p.runningVmHours(),
                        money(p.chargedMinor(), c))).toList(),
                r.topBySpend().stream().map(u -> customer(u, c)).toList(), r.topByUsage().stream().map(u -> customer(u, c)).toList())),
                MediaType.APPLICATION_JSON).build();
    }


    // --- node status -----------------------------------------------------------------------

    @GET
    @Path("/node-status")
    @Produces({MediaType.APPLICATION_JSON, CSV})
    @Operation(operationId = "reportNodeStatus", summary = "Every node: status, last heartbeat, 30-day uptime, guests, capacity, open alerts")
    @APIResponse(responseCode = "200", description = "The report", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = NodeStatusEnvelope.class)),
            @Content(mediaType = CSV, schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING))})
    public Response nodeStatus(@Context HttpHeaders headers, @QueryParam("format") String format) {
        List<ReportsUseCase.NodeState> r = reports.nodeStatus();
        if (csv(format, headers)) {
            return csvResponse("node-status", List.of("id", "name", "location", "enabled", "status", "last_heartbeat_at",
                    "uptime_percent_30d", "guests", "running", "allocated_cores", "total_cores", "allocated_memory_mb",
                    "total_memory_mb", "open_alerts"), out -> r.forEach(s -> out.accept(List.of(s.nodeId().toString(), s.name(),
                    s.location() == null ? "" : s.location(), Boolean.toString(s.enabled()), s.status(),
                    s.lastHeartbeatAt() == null ? "" : s.lastHeartbeatAt().toString(),
                    s.uptimePercent30d() == null ? "" : s.uptimePercent30d().toString(), n(total(s.guestsByStatus())),
                    n(s.guestsByStatus().getOrDefault("running", 0L)), n(s.allocatedCores()), n(s.totalCores()),
                    n(s.allocatedMemoryMb()), n(s.totalMemoryMb()), n(s.openAlerts())))));
        }
        return Response.ok(ApiResponse.ok(r), MediaType.APPLICATION_JSON).build();
    }


    // --- helpers ---------------------------------------------------------------------------

    private static CustomerUsageView customer(ReportsUseCase.CustomerUsage u, String c) {
        return new CustomerUsageView(u.userId(), u.username(), money(u.chargedMinor(), c), u.vmHours());
    }

    private static long total(Map<String, Long> byStatus) {
        return byStatus.entrySet().stream().filter(e -> !e.getKey().equals("deleted")).mapToLong(Map.Entry::getValue).sum();
    }

    private static String n(long v) {
        return Long.toString(v);
    }

    /** Writes the header, then each row as it is produced, straight to the response. */
    private static Response csvResponse(String name, List<String> header, Consumer<Consumer<List<String>>> rows) {
        StreamingOutput body = os -> {
            BufferedWriter w = new BufferedWriter(new OutputStreamWriter(os, StandardCharsets.UTF_8));
            line(w, header);
            rows.accept(row -> {
                try {
                    line(w, row);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            w.flush();
        };
        return Response.ok(body, CSV + "; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"" + name + "-" + LocalDate.now() + ".csv\"").build();
    }

    private static void line(BufferedWriter w, List<String> cells) throws java.io.IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                w.write(',');
            }
            w.write(cell(cells.get(i)));
        }
        w.write("\r\n");
    }

    /** RFC 4180 quoting; a leading formula character is neutralised so a spreadsheet never runs it. */
    static String cell(String v) {
        if (v == null) {
            return "";
        }
        String s = !v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0 && !v.matches("-?\\d+(\\.\\d+)?") ? "'" + v : v;
        if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
            return '"' + s.replace("\"", "\"\"") + '"';
        }
        return s;
    }

    // Envelope schemas for the OpenAPI document: the JSON answers are ApiResponse<...> of these.
    record DailyIncomeEnvelope(int code, String message, DailyIncomeView data) {
    }

    record UserGrowthEnvelope(int code, String message, ReportsUseCase.UserGrowth data) {
    }

    record ResourceUsageEnvelope(int code, String message, ResourceUsageView data) {
    }

    record NodeStatusEnvelope(int code, String message, List<ReportsUseCase.NodeState> data) {
    }
}
