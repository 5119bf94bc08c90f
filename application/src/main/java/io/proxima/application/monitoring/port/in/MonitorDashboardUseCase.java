package io.proxima.application.monitoring.port.in;

import io.proxima.application.audit.AuditRecord;
import io.proxima.application.monitoring.port.out.FleetCounts.VmCounts;
import io.proxima.domain.monitoring.Alert;
import java.time.Instant;
import java.util.List;

/** The staff dashboard and the fleet's statistics (seeds 001, 002); administrators only. */
public interface MonitorDashboardUseCase {

    /** Seed 001's system stats: fleet-wide usage percentages and traffic (bytes per second). */
    record SystemStats(double cpuUsage, double memoryUsage, double diskUsage, double networkRx, double networkTx,
                       Instant timestamp, Instant sampledAt, int nodesSampled) {
    }

    record Totals(long nodes, long nodesOnline, long nodesOffline, long nodesUnknown, VmCounts vms, long customers,
                  long openTickets, long openAlerts, SystemStats usage) {
    }

    record Dashboard(Totals stats, List<Alert> alerts, List<AuditRecord> recentActivities) {
    }

    SystemStats systemStats();

    Totals totals();

    Dashboard dashboard();
}
