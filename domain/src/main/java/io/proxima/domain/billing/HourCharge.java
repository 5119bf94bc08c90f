package io.proxima.domain.billing;

import java.time.Instant;

/** The charge for one started hour of one resource; (vm, periodStart) is charged at most once. */
public record HourCharge(java.util.UUID vmId, Instant periodStart, Money amount) {
}
