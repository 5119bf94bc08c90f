package io.proxima.domain.billing;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/** Whether a metered resource is being charged; the transition table is the whole lifecycle. */
public enum MeteringStatus {
    ACTIVE, SUSPENDED, ENDED;

    private static final Map<MeteringStatus, Set<MeteringStatus>> NEXT = Map.of(
            ACTIVE, EnumSet.of(SUSPENDED, ENDED),
            SUSPENDED, EnumSet.of(ACTIVE, ENDED),
            ENDED, EnumSet.noneOf(MeteringStatus.class));

    public boolean canBecome(MeteringStatus next) {
        return NEXT.get(this).contains(next);
    }

    public String wire() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static MeteringStatus fromWire(String s) {
        return valueOf(s.toUpperCase(java.util.Locale.ROOT));
    }
}
