package io.proxima.domain.vm;

import io.proxima.domain.billing.Money;
import io.proxima.domain.shared.FieldError;
import io.proxima.domain.shared.ValidationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * What customers order: a guest size and its price per hour, capped per calendar month. A
 * retired plan ({@code active} false) cannot be ordered; VMs already on it keep it.
 */
public record Plan(UUID id, String name, GuestType type, ResourceSpec spec, int bandwidthGb, int snapshotLimit,
                   Money priceHourly, Money priceMonthly, boolean active, long version) {

    public static final int MAX_SNAPSHOTS = 100;

    public Plan {
        Objects.requireNonNull(id, "id");
        List<FieldError> errors = new ArrayList<>();
        if (name == null || name.isBlank() || name.length() > 100) {
            errors.add(FieldError.of("name", "validation.length", "must be 1 to 100 characters", 1, 100));
        }
        if (type == null) {
            errors.add(FieldError.of("type", "validation.guest_type", "must be qemu or lxc"));
        }
        if (spec == null) {
            errors.add(FieldError.of("cpu_cores", "validation.required", "is required"));
        }
        if (bandwidthGb < 0) {
            errors.add(FieldError.of("bandwidth_gb", "validation.non_negative", "must be 0 or greater"));
        }
        if (snapshotLimit < 0 || snapshotLimit > MAX_SNAPSHOTS) {
            errors.add(FieldError.of("snapshot_limit", "validation.range", "must be between 0 and " + MAX_SNAPSHOTS, 0, MAX_SNAPSHOTS));
        }
        if (priceHourly == null || priceHourly.isNegative()) {
            errors.add(FieldError.of("price_hourly", "validation.non_negative", "must be 0 or greater"));
        }
        if (priceMonthly == null || priceMonthly.isNegative()) {
            errors.add(FieldError.of("price_monthly", "validation.non_negative", "must be 0 or greater"));
        }
        if (priceHourly != null && priceMonthly != null) {
            if (!priceHourly.sameCurrencyAs(priceMonthly)) {
                errors.add(FieldError.of("currency", "validation.currency_mismatch", "both prices must be in the same currency"));
            } else if (priceMonthly.compareTo(priceHourly) < 0) {
                errors.add(FieldError.of("price_monthly", "validation.monthly_below_hourly", "must not be lower than the hourly price"));
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        name = name.trim();
    }

    public Plan retire() {
        return new Plan(id, name, type, spec, bandwidthGb, snapshotLimit, priceHourly, priceMonthly, false, version);
    }
}
