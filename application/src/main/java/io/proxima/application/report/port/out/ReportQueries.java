package io.proxima.application.report.port.out;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The reports' read model: aggregate SQL over the ledger, users, VMs, nodes and the audit trail.
 * Read-only and set-based, so a report never loads the rows it sums.
 */
public interface ReportQueries {

    /** Sum of journal amounts per local day and kind; {@code kind} e.g. recharge:stripe, charge:qemu, refund:gateway. */
    record DayAmount(LocalDate day, String kind, long amountMinor) {
    }

    List<DayAmount> income(Instant start, Instant end, String zone, String currency);

    /** Count of one event per local day: signup, verified, first_paying, disabled, deleted. */
    record DayCount(LocalDate day, String event, long count) {
    }

    List<DayCount> userEvents(Instant start, Instant end, String zone);

    /** Customers signed up / first paying before {@code start}. */
    long customersBefore(Instant start);

    long payingBefore(Instant start);

    long customersNow();

    /** Distinct customers with a metered VM during [from, to). */
    long activeCustomers(Instant from, Instant to);

    record NodeRow(UUID id, String name, String location, boolean enabled, String status, Instant lastHeartbeatAt,
                   long totalCores, long totalMemoryMb, double cpuOvercommit, double memoryOvercommit) {
    }

    List<NodeRow> nodes();

    /** VMs counted by node (or plan) and status; allocated resources of those not deleted. */
    record GroupedVms(UUID groupId, String status, long count, long cores, long memoryMb, long diskGb) {
    }

    List<GroupedVms> vmsByNode();

    List<GroupedVms> vmsByPlan();

    record PlanRow(UUID id, String name, String type) {
    }

    List<PlanRow> plans();

    /** Hours VMs were metered (running or suspended-but-billed) within [start, end), by node, plan or owner. */
    record Hours(UUID groupId, double hours) {
    }

    List<Hours> meteredHoursByNode(Instant start, Instant end);

    List<Hours> meteredHoursByPlan(Instant start, Instant end);

    List<Hours> meteredHoursByOwner(Instant start, Instant end);

    record Charged(UUID groupId, long chargedMinor) {
    }

    List<Charged> chargesByPlan(Instant start, Instant end, String currency);

    List<Charged> chargesByOwner(Instant start, Instant end, String currency);

    record UserName(UUID id, String username) {
    }

    List<UserName> usernames(List<UUID> ids);

    /** Heartbeats recorded per node since {@code since}: ok and failed counts. */
    record Availability(UUID nodeId, long ok, long failed) {
    }

    List<Availability> availability(LocalDate since);

    /** Open alerts per node, when the monitoring context stores alerts; empty otherwise. */
    List<Charged> openAlertsByNode();
}
