package io.proxima.application.monitoring.service;

import io.proxima.application.audit.AuditFilter;
import io.proxima.application.audit.port.in.AuditQueryUseCase;
import io.proxima.application.monitoring.port.in.MonitorDashboardUseCase;
import io.proxima.application.monitoring.port.out.AlertStore;
import io.proxima.application.monitoring.port.out.AlertStore.AlertFilter;
import io.proxima.application.monitoring.port.out.FleetCounts;
import io.proxima.application.monitoring.port.out.MetricStore;
import io.proxima.application.monitoring.port.out.MetricStore.FleetUsage;
import io.proxima.application.node.service.NodeTransactions;
import io.proxima.application.shared.PageRequest;
import io.proxima.domain.monitoring.Alert;
import io.proxima.domain.node.Node;
import io.proxima.domain.node.NodeStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/** Reads only: usage from the newest collection cycle, counts from report queries, activity from the audit log. */
@ApplicationScoped
@Transactional
public class MonitorDashboardService implements MonitorDashboardUseCase {

    private final MetricStore metrics;
    private final AlertStore alerts;
    private final FleetCounts counts;
    private final NodeTransactions nodes;
    private final AuditQueryUseCase audit;
    private final Clock clock;

    @Inject
    public MonitorDashboardService(MetricStore metrics, AlertStore alerts, FleetCounts counts, NodeTransactions nodes,
                                   AuditQueryUseCase audit, Clock clock) {
        this.metrics = metrics;
        this.alerts = alerts;
        this.counts = counts;
        this.nodes = nodes;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public SystemStats systemStats() {
        FleetUsage u = metrics.fleetUsage().orElse(null);
        if (u == null) {
            return new SystemStats(0, 0, 0, 0, 0, clock.instant(), null, 0);
        }
        return new SystemStats(round(u.cpuPercent()), pct(u.memUsed(), u.memTotal()), pct(u.diskUsed(), u.diskTotal()),
                round(u.netInRate()), round(u.netOutRate()), clock.instant(), u.at(), u.nodes());
    }

    @Override
    public Totals totals() {
        List<Node> all = nodes.enabledNodes();
        long online = all.stream().filter(n -> n.status() == NodeStatus.ONLINE).count();
        long offline = all.stream().filter(n -> n.status() == NodeStatus.OFFLINE).count();
        return new Totals(all.size(), online, offline, all.size() - online - offline, counts.vms(), counts.customers(),
                counts.openTickets(), alerts.countOpen(), systemStats());
    }

    @Override
    public Dashboard dashboard() {
        List<Alert> open = new ArrayList<>(alerts.alerts(new AlertFilter(null, null, null, null, "triggered"),
                new PageRequest(1, 10)).items());
        if (open.size() < 10) {
            open.addAll(alerts.alerts(new AlertFilter(null, null, null, null, "acknowledged"),
                    new PageRequest(1, 10 - open.size())).items());
        }
        return new Dashboard(totals(), open,
                audit.search(new AuditFilter(null, null, null, null, null, null), new PageRequest(1, 20)).items());
    }

    private static double pct(long used, long total) {
        return total <= 0 ? 0 : round(100.0 * used / total);
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
