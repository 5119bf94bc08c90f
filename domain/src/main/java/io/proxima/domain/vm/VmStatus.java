package io.proxima.domain.vm;

import java.util.Locale;

/** The lifecycle states of SPEC section 4 ("VM: status"). */
public enum VmStatus {
    PROVISIONING, RUNNING, STOPPED, PAUSED, SUSPENDED, DELETING, DELETED, ERROR;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** States in which the guest exists in PVE and its power state is Proxima's to report. */
    public boolean isSteady() {
        return this == RUNNING || this == STOPPED || this == PAUSED;
    }
}
