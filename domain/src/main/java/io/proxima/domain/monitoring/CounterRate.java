package io.proxima.domain.monitoring;

/**
 * Rates from PVE's cumulative counters (netin, netout ...) between two samples. A counter that
 * went down was reset (the guest restarted): the new value then counts from zero at the restart,
 * so the rate is the value over the uptime (or the elapsed time when the uptime is unknown).
 */
public final class CounterRate {

    private CounterRate() {
    }

    /**
     * Bytes per second, or null when there is no earlier sample or no time passed.
     *
     * @param uptimeSeconds the guest's uptime now (0 = unknown)
     */
    public static Double perSecond(Long previous, long previousEpochSecond, long current, long epochSecond,
                                   long uptimeSeconds) {
        long elapsed = epochSecond - previousEpochSecond;
        if (previous == null || elapsed <= 0 || current < 0) {
            return null;
        }
        boolean reset = current < previous || uptimeSeconds > 0 && uptimeSeconds < elapsed;
        if (reset) {
            long span = uptimeSeconds > 0 ? Math.min(uptimeSeconds, elapsed) : elapsed;
            return span <= 0 ? null : (double) current / span;
        }
        return (double) (current - previous) / elapsed;
    }
}
