package io.proxima.domain.vm;

import static io.proxima.domain.vm.VmEvent.*;
import static io.proxima.domain.vm.VmStatus.*;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The VM state machine as one table (CloudStack style): for each state, the events it accepts
 * and the state each leads to. Anything not in the table is illegal and is refused before a
 * single call reaches PVE.
 */
public final class VmLifecycle {

    private static final Map<VmStatus, Map<VmEvent, VmStatus>> TABLE = new EnumMap<>(VmStatus.class);

    static {
        on(PROVISIONING, PROVISIONED_RUNNING, RUNNING);
        on(PROVISIONING, PROVISIONED_STOPPED, STOPPED);
        on(PROVISIONING, FAIL, ERROR);
        on(PROVISIONING, DELETE, DELETING);

        on(RUNNING, STOP, STOPPED);
        on(RUNNING, SHUTDOWN, STOPPED);
        on(RUNNING, RESTART, RUNNING);
        on(RUNNING, PAUSE, PAUSED);
        on(RUNNING, SUSPEND, SUSPENDED);
        on(RUNNING, REINSTALL, PROVISIONING);
        on(RUNNING, DELETE, DELETING);
        on(RUNNING, FAIL, ERROR);
        on(RUNNING, OBSERVED_RUNNING, RUNNING);
        on(RUNNING, OBSERVED_STOPPED, STOPPED);
        on(RUNNING, OBSERVED_PAUSED, PAUSED);
        on(RUNNING, OBSERVED_MISSING, ERROR);

        on(STOPPED, START, RUNNING);
        on(STOPPED, SUSPEND, SUSPENDED);
        on(STOPPED, REINSTALL, PROVISIONING);
        on(STOPPED, DELETE, DELETING);
        on(STOPPED, FAIL, ERROR);
        on(STOPPED, OBSERVED_RUNNING, RUNNING);
        on(STOPPED, OBSERVED_STOPPED, STOPPED);
        on(STOPPED, OBSERVED_PAUSED, PAUSED);
        on(STOPPED, OBSERVED_MISSING, ERROR);

        on(PAUSED, RESUME, RUNNING);
        on(PAUSED, STOP, STOPPED);
        on(PAUSED, SUSPEND, SUSPENDED);
        on(PAUSED, DELETE, DELETING);
        on(PAUSED, FAIL, ERROR);
        on(PAUSED, OBSERVED_RUNNING, RUNNING);
        on(PAUSED, OBSERVED_STOPPED, STOPPED);
        on(PAUSED, OBSERVED_PAUSED, PAUSED);
        on(PAUSED, OBSERVED_MISSING, ERROR);

        // Suspended guests are kept stopped; only an unsuspension brings them back.
        on(SUSPENDED, UNSUSPEND, STOPPED);
        on(SUSPENDED, SUSPEND, SUSPENDED);
        on(SUSPENDED, DELETE, DELETING);
        on(SUSPENDED, OBSERVED_STOPPED, SUSPENDED);
        on(SUSPENDED, OBSERVED_MISSING, ERROR);

        on(DELETING, DESTROYED, VmStatus.DELETED);
        on(DELETING, FAIL, ERROR);
        on(DELETING, DELETE, DELETING);

        on(ERROR, RETRY, PROVISIONING);
        on(ERROR, DELETE, DELETING);
        on(ERROR, SUSPEND, ERROR);
        on(ERROR, OBSERVED_RUNNING, RUNNING);
        on(ERROR, OBSERVED_STOPPED, STOPPED);
        on(ERROR, OBSERVED_MISSING, ERROR);
        on(ERROR, FAIL, ERROR);
    }

    private VmLifecycle() {
    }

    private static void on(VmStatus from, VmEvent event, VmStatus to) {
        TABLE.computeIfAbsent(from, k -> new EnumMap<>(VmEvent.class)).put(event, to);
    }

    /** The state {@code event} leads to from {@code from}, or empty when it is not allowed. */
    public static Optional<VmStatus> next(VmStatus from, VmEvent event) {
        return Optional.ofNullable(TABLE.getOrDefault(from, Map.of()).get(event));
    }

    /** Events {@code status} accepts; what a client may offer as actions. */
    public static Set<VmEvent> allowed(VmStatus status) {
        return Collections.unmodifiableSet(TABLE.getOrDefault(status, Map.of()).keySet());
    }
}
