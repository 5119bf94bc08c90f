package io.proxima.application.hypervisor.port.out;

import java.util.Objects;
import java.util.Set;

/**
 * One guest firewall rule. {@code pos} is PVE's position (null in a rule to create: PVE always
 * inserts new rules at the top); positions shift after every insert or delete.
 */
public record FirewallRule(Integer pos, String direction, String action, boolean enabled, String source, String dest,
                           String proto, String dport, String sport, String macro, String iface, String comment) {

    private static final Set<String> DIRECTIONS = Set.of("in", "out", "forward", "group");

    public FirewallRule {
        if (direction == null || !DIRECTIONS.contains(direction)) {
            throw new IllegalArgumentException("direction must be in, out, forward or group: " + direction);
        }
        Objects.requireNonNull(action, "action");
        if (!action.matches("[A-Za-z][A-Za-z0-9\\-_]+")) {
            throw new IllegalArgumentException("not a firewall action: " + action);
        }
        if (pos != null && pos < 0) {
            throw new IllegalArgumentException("pos must not be negative");
        }
    }

    /** The common case: accept or drop a protocol/port from a source. */
    public static FirewallRule of(String direction, String action, String proto, String dport, String source, boolean enabled, String comment) {
        return new FirewallRule(null, direction, action, enabled, source, null, proto, dport, null, null, null, comment);
    }
}
