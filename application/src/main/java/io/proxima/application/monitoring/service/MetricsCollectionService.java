package io.proxima.application.monitoring.service;

import io.proxima.application.hypervisor.port.out.ClusterResource;
import io.proxima.application.hypervisor.port.out.Hypervisor;
import io.proxima.application.hypervisor.port.out.PveNodeConnection;
import io.proxima.application.hypervisor.port.out.ResourceKind;
import io.proxima.application.monitoring.port.in.MetricsCollectionUseCase;
import io.proxima.application.monitoring.port.out.MetricStore;
import io.proxima.application.monitoring.port.out.MetricStore.Counters;
import io.proxima.application.monitoring.port.out.MetricStore.Resolution;
import io.proxima.application.monitoring.port.out.MetricStore.Sample;
import io.proxima.application.monitoring.port.out.MonitoringSettings;
import io.proxima.application.node.service.NodeTransactions;
import io.proxima.application.shared.port.out.PeriodicJobs;
import io.proxima.domain.monitoring.CounterRate;
import io.proxima.domain.node.Node;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One collection cycle: {@code GET /cluster/resources} once per cluster (nodes sharing an API
 * endpoint), whatever the number of guests; rates derived from PVE's counters against the previous
 * cycle's; samples stamped with the cycle's period start and stored idempotently, so a cycle run
 * twice (a retry after a crash) never doubles a sample; then the alert rules are evaluated on the
 * fresh samples. No database transaction is open during the PVE calls.
 */
@ApplicationScoped
public class MetricsCollectionService implements MetricsCollectionUseCase {

    private static final Logger LOG = Logger.getLogger(MetricsCollectionService.class.getName());
    static final String JOB = "monitoring.collect";

    private final NodeTransactions nodes;
    private final Hypervisor hypervisor;
    private final PeriodicJobs jobs;
    private final MetricStore store;
    private final MetricsWriter writer;
    private final MonitoringSettings settings;
    private final AlertEvaluationService alerts;
    private final Clock clock;

    @Inject
    public MetricsCollectionService(NodeTransactions nodes, Hypervisor hypervisor, PeriodicJobs jobs, MetricStore store,
                                    MetricsWriter writer, MonitoringSettings settings, AlertEvaluationService alerts,
                                    Clock clock) {
        this.nodes = nodes;
        this.hypervisor = hypervisor;
        this.jobs = jobs;
        this.store = store;
        this.writer = writer;
        this.settings = settings;
        this.alerts = alerts;
        this.clock = clock;
    }

    @Override
    public java.util.Optional<Cycle> collectIfDue() {
        Instant period = periodStart(clock.instant());
        if (!jobs.claim(JOB, period)) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(collect(period));
    }

    Instant periodStart(Instant now) {
        long step = settings.interval().toMillis();
        return Instant.ofEpochMilli(now.toEpochMilli() / step * step);
    }

    @Override
    public Cycle collect(Instant at) {
        long start = System.nanoTime();
        Map<String, List<Node>> clusters = new LinkedHashMap<>();
        for (Node n : nodes.enabledNodes()) {
            clusters.computeIfAbsent(n.settings().apiUrl(), k -> new ArrayList<>()).add(n);
        }
        List<Sample> samples = new ArrayList<>();
        List<GuestReading> guests = new ArrayList<>();
        int calls = 0;
        int failed = 0;
        for (List<Node> members : clusters.values()) {
            List<ClusterResource> rows;
            try {
                PveNodeConnection conn = nodes.connection(members.get(0).id());
                calls++;
                rows = hypervisor.clusterResources(conn, ResourceKind.ALL);
            } catch (RuntimeException e) {
                // An unreachable cluster only misses this cycle; the heartbeat marks its nodes offline.
                failed++;
                LOG.log(Level.FINE, "metrics: cluster " + members.get(0).settings().apiUrl() + " unreachable", e);
                continue;
            }
            Map<String, UUID> nodeIdByPveName = new HashMap<>();
            Map<String, ClusterResource> nodeRows = new HashMap<>();
            for (Node n : members) {
                nodeIdByPveName.putIfAbsent(n.settings().pveNode(), n.id());
            }
            for (ClusterResource r : rows) {
                if ("node".equals(r.type())) {
                    nodeRows.put(r.node(), r);
                } else if (r.isGuest() && !r.template() && r.proximaVmId() != null) {
                    guests.add(new GuestReading(r, nodeIdByPveName.get(r.node())));
                }
            }
            for (Node n : members) {
                ClusterResource r = nodeRows.get(n.settings().pveNode());
                if (r != null && "online".equals(r.status())) {
                    samples.add(new Sample("node", n.id(), n.id(), at, r.cpu() * 100, r.mem(), r.maxMem(), r.disk(),
                            r.maxDisk(), null, null));
                }
            }
        }
        // Rates from the counters of the previous cycle (one read for the whole fleet).
        Map<UUID, Counters> previous = store.counters(guests.stream().map(g -> g.row.proximaVmId()).toList());
        List<Counters> counters = new ArrayList<>(guests.size());
        Map<UUID, double[]> nodeNet = new HashMap<>();
        for (GuestReading g : guests) {
            ClusterResource r = g.row;
            Counters prev = previous.get(r.proximaVmId());
            Double in = null;
            Double out = null;
            if (prev != null && prev.at().isBefore(at)) {
                in = CounterRate.perSecond(prev.netIn(), prev.at().getEpochSecond(), r.netIn(), at.getEpochSecond(), r.uptime());
                out = CounterRate.perSecond(prev.netOut(), prev.at().getEpochSecond(), r.netOut(), at.getEpochSecond(), r.uptime());
            }
            if (prev == null || prev.at().isBefore(at)) {
                counters.add(new Counters(r.proximaVmId(), at, r.netIn(), r.netOut()));
            }
            boolean running = "running".equals(r.status());
            samples.add(new Sample("vm", r.proximaVmId(), g.nodeId, at, running ? r.cpu() * 100 : 0.0, r.mem(), r.maxMem(),
                    r.disk(), r.maxDisk(), running ? in : Double.valueOf(0), running ? out : Double.valueOf(0)));
            if (g.nodeId != null) {
                double[] sum = nodeNet.computeIfAbsent(g.nodeId, k -> new double[2]);
                sum[0] += in == null ? 0 : in;
                sum[1] += out == null ? 0 : out;
            }
        }
        // A node's traffic is its guests' traffic (cluster/resources has no node counters).
        for (int i = 0; i < samples.size(); i++) {
            Sample s = samples.get(i);
            double[] net = nodeNet.get(s.resourceId());
            if ("node".equals(s.resourceType())) {
                samples.set(i, new Sample(s.resourceType(), s.resourceId(), s.nodeId(), s.at(), s.cpu(), s.memUsed(),
                        s.memTotal(), s.diskUsed(), s.diskTotal(), net == null ? 0.0 : net[0], net == null ? 0.0 : net[1]));
            }
        }
        long read = System.nanoTime();
        int inserted = writer.record(samples, counters);
        long stored = System.nanoTime();
        writer.rollUp(at, settings.interval());
        long ingested = System.nanoTime();
        LOG.fine(() -> String.format("metrics cycle %s: read %d ms, store %d ms, roll-up %d ms", at, (read - start) / 1_000_000,
                (stored - read) / 1_000_000, (ingested - stored) / 1_000_000));
        alerts.evaluate(samples, guests.stream().map(g -> new AlertEvaluationService.GuestState(g.row.proximaVmId(),
                g.nodeId, g.row.status())).toList(), at);
        long evaluated = System.nanoTime();
        return new Cycle(at, clusters.size(), calls, failed, samples.size(), inserted, (ingested - start) / 1_000_000,
                (evaluated - ingested) / 1_000_000);
    }

    @Override
    public long purgeExpired() {
        Instant now = clock.instant();
        return writer.purge(Resolution.RAW, now.minus(settings.rawRetention()))
                + writer.purge(Resolution.FIVE_MINUTES, now.minus(settings.fiveMinuteRetention()))
                + writer.purge(Resolution.HOUR, now.minus(settings.hourRetention()));
    }

    private record GuestReading(ClusterResource row, UUID nodeId) {
    }
}
