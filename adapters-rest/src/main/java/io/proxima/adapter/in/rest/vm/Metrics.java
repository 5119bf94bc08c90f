package io.proxima.adapter.in.rest.vm;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import io.proxima.application.hypervisor.port.out.RrdPoint;
import io.proxima.application.hypervisor.port.out.RrdTimeframe;
import io.proxima.domain.shared.ValidationException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Seed 003's metrics-history parameters mapped onto PVE's RRD windows, and PVE's samples mapped
 * onto the seed's point shape.
 */
final class Metrics {

    private static final Map<String, List<String>> METRICS = Map.of(
            "cpu", List.of("cpu"),
            "memory", List.of("mem", "maxmem"),
            "disk", List.of("disk", "maxdisk", "diskread", "diskwrite"),
            "network", List.of("netin", "netout"));

    private Metrics() {
    }

    /** {@code time_range} (1h, 6h, 24h, 7d, 30d, 1y) or {@code interval} (1m, 5m, 1h, 1d) to a PVE timeframe. */
    static RrdTimeframe timeframe(String timeRange, String interval) {
        if (timeRange != null && !timeRange.isBlank()) {
            return switch (timeRange.trim()) {
                case "1h" -> RrdTimeframe.HOUR;
                case "6h", "24h", "1d" -> RrdTimeframe.DAY;
                case "7d" -> RrdTimeframe.WEEK;
                case "30d" -> RrdTimeframe.MONTH;
                case "1y" -> RrdTimeframe.YEAR;
                default -> throw ValidationException.of("time_range", "validation.time_range", "must be one of 1h, 6h, 24h, 7d, 30d, 1y");
            };
        }
        if (interval != null && !interval.isBlank()) {
            return switch (interval.trim()) {
                case "1m" -> RrdTimeframe.HOUR;
                case "5m" -> RrdTimeframe.DAY;
                case "1h" -> RrdTimeframe.WEEK;
                case "1d" -> RrdTimeframe.YEAR;
                default -> throw ValidationException.of("interval", "validation.interval", "must be one of 1m, 5m, 1h, 1d");
            };
        }
        return RrdTimeframe.HOUR;
    }

    static Instant time(String field, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(raw.trim());
        } catch (DateTimeParseException e) {
            throw ValidationException.of(field, "validation.timestamp", "must be an ISO-8601 UTC timestamp");
        }
    }

    /** A metrics history: the metric family asked for, the PVE timeframe used and the points. */
    public record HistoryResponse(
            @Schema(description = "cpu, memory, disk, network, or all", examples = "cpu") String metricType,
            @Schema(description = "The RRD timeframe the points come from", examples = "hour") String timeframe,
            @Schema(description = "Points in time order: `timestamp` (ISO-8601) plus one number per metric "
                    + "(cpu in percent, memory/disk/network in bytes)",
                    additionalProperties = Double.class) List<Map<String, Object>> points) {
    }

    /** Points restricted to one metric family (or all when null) and to [from, to] when given. */
    static List<Map<String, Object>> points(List<RrdPoint> points, String metricType, Instant from, Instant to) {
        List<String> keys = null;
        if (metricType != null && !metricType.isBlank()) {
            keys = METRICS.get(metricType.trim().toLowerCase());
            if (keys == null) {
                throw ValidationException.of("metric_type", "validation.metric_type", "must be one of cpu, memory, disk, network");
            }
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (RrdPoint p : points) {
            if (from != null && p.time().isBefore(from) || to != null && p.time().isAfter(to)) {
                continue;
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("timestamp", p.time());
            for (Map.Entry<String, Double> e : p.values().entrySet()) {
                if (keys == null || keys.contains(e.getKey())) {
                    // PVE reports cpu as a fraction; clients expect percent.
                    m.put(e.getKey(), "cpu".equals(e.getKey()) ? Math.round(e.getValue() * 1000) / 10.0 : e.getValue());
                }
            }
            out.add(m);
        }
        return out;
    }

    static List<Map<String, Object>> points(List<RrdPoint> points, String metricType) {
        return points(points, metricType, null, null);
    }
}
