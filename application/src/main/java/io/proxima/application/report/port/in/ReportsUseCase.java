package io.proxima.application.report.port.in;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The business reports of seed 000 (admin only). Money is in minor units of one currency and is
 * derived from the ledger alone, so every figure can be checked against the journal.
 */
public interface ReportsUseCase {

    /** Raw query parameters; validation (422) happens in the use case. */
    record Query(String from, String to, String tz, String currency, String interval) {
    }

    // --- daily income --------------------------------------------------------------------

    /**
     * One calendar day. Charges are positive amounts taken from customers (by product type);
     * refunds to the gateway are money paid back out, refunds to the balance are credits;
     * adjustments and reversals are signed as booked; net is recharges minus gateway refunds.
     */
    record IncomeDay(LocalDate date, long rechargesMinor, Map<String, Long> rechargesByGateway, long chargesMinor,
                     Map<String, Long> chargesByProduct, long refundsToGatewayMinor, long refundsToBalanceMinor,
                     long adjustmentsMinor, long reversalsMinor, long netMinor) {
    }

    record DailyIncome(LocalDate from, LocalDate to, String timeZone, String currency, List<IncomeDay> days, IncomeDay totals) {
    }

    DailyIncome dailyIncome(Query q);

    // --- user growth ---------------------------------------------------------------------

    /** One bucket: counts of the events in it, and customers existing (not deleted) at its end. */
    record GrowthBucket(LocalDate start, long signups, long verified, long firstPaying, long active, long disabled,
                        long deleted, long cumulativeSignups, long cumulativePaying) {
    }

    record UserGrowth(LocalDate from, LocalDate to, String timeZone, String interval, List<GrowthBucket> buckets,
                      long totalCustomers) {
    }

    UserGrowth userGrowth(Query q);

    // --- resource usage ------------------------------------------------------------------

    record NodeUsage(UUID nodeId, String name, String location, String status, Map<String, Long> vmsByStatus,
                     long allocatedCores, long totalCores, double cpuOvercommit, long allocatedMemoryMb, long totalMemoryMb,
                     double memoryOvercommit, long allocatedDiskGb, double runningVmHours) {
    }

    record PlanUsage(UUID planId, String name, String type, Map<String, Long> vmsByStatus, double runningVmHours,
                     long chargedMinor) {
    }

    record CustomerUsage(UUID userId, String username, long chargedMinor, double vmHours) {
    }

    record ResourceUsage(LocalDate from, LocalDate to, String timeZone, String currency, List<NodeUsage> nodes,
                         List<PlanUsage> plans, List<CustomerUsage> topBySpend, List<CustomerUsage> topByUsage) {
    }

    ResourceUsage resourceUsage(Query q);

    // --- node status ---------------------------------------------------------------------

    record NodeState(UUID nodeId, String name, String location, boolean enabled, String status, Instant lastHeartbeatAt,
                     Double uptimePercent30d, long heartbeats30d, Map<String, Long> guestsByStatus, long allocatedCores,
                     long totalCores, long allocatedMemoryMb, long totalMemoryMb, long openAlerts) {
    }

    List<NodeState> nodeStatus();
}
