package io.proxima.domain.vm;

import java.util.Locale;

/** Kinds of asynchronous work on a VM; each runs as a durable, resumable operation. */
public enum OperationType {
    PROVISION, DELETE, REINSTALL, RESIZE, MIGRATE, SNAPSHOT, SNAPSHOT_DELETE, ROLLBACK, POWER;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
