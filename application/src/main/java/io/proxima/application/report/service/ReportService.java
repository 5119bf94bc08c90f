package io.proxima.application.report.service;

import io.proxima.application.report.ReportSettings;
import io.proxima.application.report.port.in.ReportsUseCase;
import io.proxima.application.report.port.out.ReportQueries;
import io.proxima.application.report.port.out.ReportQueries.GroupedVms;
import io.proxima.application.system.port.in.SystemSettingsUseCase;
import io.proxima.domain.report.GrowthInterval;
import io.proxima.domain.report.ReportPeriod;
import io.proxima.domain.shared.ValidationException;
import io.proxima.domain.system.Setting;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Seed 000's reports, assembled from set-based queries; read-only transactions. */
@ApplicationScoped
public class ReportService implements ReportsUseCase {

    private final ReportQueries queries;
    private final SystemSettingsUseCase settings;
    private final Clock clock;
    private final ReportSettings bounds;

    @Inject
    public ReportService(ReportQueries queries, SystemSettingsUseCase settings, Clock clock, ReportSettings bounds) {
        this.queries = queries;
        this.settings = settings;
        this.clock = clock;
        this.bounds = bounds;
    }

    private ReportPeriod period(Query q) {
        return ReportPeriod.parse(q.from(), q.to(), q.tz(), settings.text(Setting.TIME_ZONE),
                LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC), bounds.maxDays());
    }

    private String currency(Query q) {
        if (q.currency() == null || q.currency().isBlank()) {
            return settings.text(Setting.CURRENCY);
        }
        try {
            return Currency.getInstance(q.currency().trim().toUpperCase(Locale.ROOT)).getCurrencyCode();
        } catch (IllegalArgumentException e) {
            throw ValidationException.of("currency", "validation.currency", "must be an ISO 4217 currency code");
        }
    }

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public DailyIncome dailyIncome(Query q) {
        ReportPeriod p = period(q);
        String currency = currency(q);
        Map<LocalDate, Map<String, Long>> byDay = new HashMap<>();
        for (ReportQueries.DayAmount a : queries.income(p.start(), p.end(), p.zone().getId(), currency)) {
            byDay.computeIfAbsent(a.day(), d -> new TreeMap<>()).merge(a.kind(), a.amountMinor(), Long::sum);
        }
        List<IncomeDay> days = new ArrayList<>();
        Map<String, Long> all = new TreeMap<>();
        for (LocalDate d : p.days()) {
            Map<String, Long> kinds = byDay.getOrDefault(d, Map.of());
            kinds.forEach((k, v) -> all.merge(k, v, Long::sum));
            days.add(day(d, kinds));
        }
        return new DailyIncome(p.from(), p.to(), p.zone().getId(), currency, days, day(null, all));
    }

    /** Turns the signed journal sums of one day into the report's figures. */
    static IncomeDay day(LocalDate date, Map<String, Long> kinds) {
        Map<String, Long> recharges = new TreeMap<>();
        Map<String, Long> charges = new TreeMap<>();
        long refundsGateway = 0;
        long refundsBalance = 0;
        long adjustments = 0;
        long reversals = 0;
        for (Map.Entry<String, Long> e : kinds.entrySet()) {
            String[] k = e.getKey().split(":", 2);
            long v = e.getValue();
            switch (k[0]) {
                case "recharge" -> recharges.merge(k[1], v, Long::sum);
                case "charge" -> charges.merge(k[1], -v, Long::sum); // booked negative on the customer
                case "refund" -> {
                    if (k[1].equals("gateway")) {
                        refundsGateway -= v; // money leaves the balance back to the card
                    } else {
                        refundsBalance += v; // a credit on the balance
                    }
                }
                case "adjustment" -> adjustments += v;
                case "reversal" -> reversals += v;
                default -> throw new IllegalStateException("unknown ledger kind " + e.getKey());
            }
        }
        long rechargeTotal = recharges.values().stream().mapToLong(Long::longValue).sum();
        long chargeTotal = charges.values().stream().mapToLong(Long::longValue).sum();
        return new IncomeDay(date, rechargeTotal, recharges, chargeTotal, charges, refundsGateway, refundsBalance, adjustments,
                reversals, rechargeTotal - refundsGateway);
    }

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public UserGrowth userGrowth(Query q) {
        ReportPeriod p = period(q);
        GrowthInterval interval = GrowthInterval.parse(q.interval());
        Map<LocalDate, Map<String, Long>> byBucket = new TreeMap<>();
        for (ReportQueries.DayCount c : queries.userEvents(p.start(), p.end(), p.zone().getId())) {
            byBucket.computeIfAbsent(interval.bucketOf(c.day()), b -> new HashMap<>()).merge(c.event(), c.count(), Long::sum);
        }
        long cumulative = queries.customersBefore(p.start());
        long paying = queries.payingBefore(p.start());
        List<GrowthBucket> buckets = new ArrayList<>();
        for (LocalDate b = interval.bucketOf(p.from()); !b.isAfter(p.to()); b = interval.next(b)) {
            Map<String, Long> n = byBucket.getOrDefault(b, Map.of());
            cumulative += n.getOrDefault("signup", 0L);
            paying += n.getOrDefault("first_paying", 0L);
            LocalDate bucketStart = b.isBefore(p.from()) ? p.from() : b;
            LocalDate bucketEnd = interval.next(b).isAfter(p.to().plusDays(1)) ? p.to().plusDays(1) : interval.next(b);
            long active = queries.activeCustomers(bucketStart.atStartOfDay(p.zone()).toInstant(),
                    bucketEnd.atStartOfDay(p.zone()).toInstant());
            buckets.add(new GrowthBucket(b, n.getOrDefault("signup", 0L), n.getOrDefault("verified", 0L),
                    n.getOrDefault("first_paying", 0L), active, n.getOrDefault("disabled", 0L), n.getOrDefault("deleted", 0L),
                    cumulative, paying));
        }
        return new UserGrowth(p.from(), p.to(), p.zone().getId(), interval.wireName(), buckets, queries.customersNow());
    }

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public ResourceUsage resourceUsage(Query q) {
        ReportPeriod p = period(q);
        String currency = currency(q);
        Instant start = p.start();
        Instant end = p.end().isAfter(clock.instant()) ? clock.instant() : p.end();
        Map<UUID, Double> nodeHours = hours(queries.meteredHoursByNode(start, end));
        Map<UUID, List<GroupedVms>> byNode = queries.vmsByNode().stream().collect(Collectors.groupingBy(GroupedVms::groupId));
        List<NodeUsage> nodes = new ArrayList<>();
        for (ReportQueries.NodeRow n : queries.nodes()) {
            List<GroupedVms> vms = byNode.getOrDefault(n.id(), List.of());
            nodes.add(new NodeUsage(n.id(), n.name(), n.location(), n.status(), statusCounts(vms),
                    allocated(vms, GroupedVms::cores), n.totalCores(), n.cpuOvercommit(), allocated(vms, GroupedVms::memoryMb),
                    n.totalMemoryMb(), n.memoryOvercommit(), allocated(vms, GroupedVms::diskGb),
                    round(nodeHours.getOrDefault(n.id(), 0.0))));
        }
        Map<UUID, Double> planHours = hours(queries.meteredHoursByPlan(start, end));
        Map<UUID, Long> planCharges = charged(queries.chargesByPlan(start, end, currency));
        Map<UUID, List<GroupedVms>> byPlan = queries.vmsByPlan().stream().collect(Collectors.groupingBy(GroupedVms::groupId));
        List<PlanUsage> plans = new ArrayList<>();
        for (ReportQueries.PlanRow pl : queries.plans()) {
            plans.add(new PlanUsage(pl.id(), pl.name(), pl.type(), statusCounts(byPlan.getOrDefault(pl.id(), List.of())),
                    round(planHours.getOrDefault(pl.id(), 0.0)), planCharges.getOrDefault(pl.id(), 0L)));
        }
        Map<UUID, Double> ownerHours = hours(queries.meteredHoursByOwner(start, end));
        Map<UUID, Long> ownerCharges = charged(queries.chargesByOwner(start, end, currency));
        List<UUID> bySpend = ownerCharges.entrySet().stream()
                .sorted(Map.Entry.<UUID, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(bounds.topCustomers()).map(Map.Entry::getKey).toList();
        List<UUID> byUsage = ownerHours.entrySet().stream()
                .sorted(Map.Entry.<UUID, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(bounds.topCustomers()).map(Map.Entry::getKey).toList();
        List<UUID> named = new ArrayList<>(bySpend);
        named.addAll(byUsage);
        Map<UUID, String> names = queries.usernames(named.stream().distinct().toList()).stream()
                .collect(Collectors.toMap(ReportQueries.UserName::id, ReportQueries.UserName::username));
        Function<UUID, CustomerUsage> customer = id -> new CustomerUsage(id, names.get(id), ownerCharges.getOrDefault(id, 0L),
                round(ownerHours.getOrDefault(id, 0.0)));
        return new ResourceUsage(p.from(), p.to(), p.zone().getId(), currency, nodes, plans,
                bySpend.stream().map(customer).toList(), byUsage.stream().map(customer).toList());
    }

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<NodeState> nodeStatus() {
        LocalDate since = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).minusDays(29);
        Map<UUID, ReportQueries.Availability> availability = queries.availability(since).stream()
                .collect(Collectors.toMap(ReportQueries.Availability::nodeId, a -> a));
        Map<UUID, Long> alerts = charged(queries.openAlertsByNode());
        Map<UUID, List<GroupedVms>> byNode = queries.vmsByNode().stream().collect(Collectors.groupingBy(GroupedVms::groupId));
        List<NodeState> out = new ArrayList<>();
        for (ReportQueries.NodeRow n : queries.nodes()) {
            List<GroupedVms> vms = byNode.getOrDefault(n.id(), List.of());
            ReportQueries.Availability a = availability.get(n.id());
            long beats = a == null ? 0 : a.ok() + a.failed();
            Double uptime = beats == 0 ? null : round(100.0 * a.ok() / beats);
            out.add(new NodeState(n.id(), n.name(), n.location(), n.enabled(), n.status(), n.lastHeartbeatAt(), uptime, beats,
                    statusCounts(vms), allocated(vms, GroupedVms::cores), n.totalCores(), allocated(vms, GroupedVms::memoryMb),
                    n.totalMemoryMb(), alerts.getOrDefault(n.id(), 0L)));
        }
        out.sort(Comparator.comparing(NodeState::name));
        return out;
    }

    private static Map<String, Long> statusCounts(List<GroupedVms> vms) {
        Map<String, Long> out = new LinkedHashMap<>();
        vms.stream().sorted(Comparator.comparing(GroupedVms::status)).forEach(v -> out.merge(v.status(), v.count(), Long::sum));
        return out;
    }

    /** Resources held by VMs that still exist (deleted ones free theirs). */
    private static long allocated(List<GroupedVms> vms, java.util.function.ToLongFunction<GroupedVms> f) {
        return vms.stream().filter(v -> !v.status().equals("deleted")).mapToLong(f).sum();
    }

    private static Map<UUID, Double> hours(List<ReportQueries.Hours> rows) {
        return rows.stream().filter(r -> r.groupId() != null).collect(Collectors.toMap(ReportQueries.Hours::groupId,
                ReportQueries.Hours::hours, Double::sum));
    }

    private static Map<UUID, Long> charged(List<ReportQueries.Charged> rows) {
        return rows.stream().filter(r -> r.groupId() != null).collect(Collectors.toMap(ReportQueries.Charged::groupId,
                ReportQueries.Charged::chargedMinor, Long::sum));
    }

    private static double round(double v) {
        return Math.round(v * 100.0) / 100.0;
    }
}
