package io.proxima.domain.node;

import java.util.Locale;

/** Reachability of a node as the heartbeat last saw it. */
public enum NodeStatus {
    ONLINE, OFFLINE, UNKNOWN;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
