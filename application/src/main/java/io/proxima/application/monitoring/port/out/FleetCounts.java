package io.proxima.application.monitoring.port.out;

import java.util.Map;

/** A report read model: counts over the fleet for the dashboard, one SQL statement each. */
public interface FleetCounts {

    /** VMs not deleted, by status and by type. */
    record VmCounts(long total, Map<String, Long> byStatus, Map<String, Long> byType) {
    }

    VmCounts vms();

    /** Accounts with the {@code user} role that are not deleted. */
    long customers();

    /** Tickets that are not closed. */
    long openTickets();
}
