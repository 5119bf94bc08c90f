package io.proxima.domain.vm;

import io.proxima.domain.shared.FieldError;
import io.proxima.domain.shared.ValidationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A guest firewall rule in seed 001's terms (inbound/outbound, accept/drop/reject, TCP/UDP/ICMP,
 * a port or range, source and destination as address or CIDR), validated before PVE sees it.
 */
/*
 * {@code position} is the rule's index in the VM's list; null when creating means "after the
 * others" (creation order), and a given position pushes the rules from there down by one.
 */
public record FirewallRuleSpec(String direction, String action, String protocol, String port, String source,
                               String destination, boolean enabled, Integer position, String comment) {

    public static final int MAX_RULES = 50;
    private static final Set<String> DIRECTIONS = Set.of("inbound", "outbound");
    private static final Set<String> ACTIONS = Set.of("accept", "drop", "reject");
    private static final Set<String> PROTOCOLS = Set.of("tcp", "udp", "icmp", "icmpv6", "any");
    private static final Pattern PORT = Pattern.compile("\\d{1,5}(:\\d{1,5})?");

    public FirewallRuleSpec {
        List<FieldError> errors = new ArrayList<>();
        direction = lower(direction);
        action = lower(action);
        protocol = protocol == null || protocol.isBlank() ? "any" : lower(protocol);
        if (!DIRECTIONS.contains(direction)) {
            errors.add(FieldError.of("direction", "validation.fw_direction", "must be inbound or outbound"));
        }
        if (!ACTIONS.contains(action)) {
            errors.add(FieldError.of("action", "validation.fw_action", "must be accept, drop or reject"));
        }
        if (!PROTOCOLS.contains(protocol)) {
            errors.add(FieldError.of("protocol", "validation.fw_protocol", "must be tcp, udp, icmp, icmpv6 or any"));
        }
        if (port != null && !port.isBlank()) {
            port = port.trim().replace('-', ':');
            if (!PORT.matcher(port).matches() || !portsInRange(port)) {
                errors.add(FieldError.of("port", "validation.fw_port", "must be a port (1-65535) or a range such as 8000-8080"));
            } else if (!protocol.equals("tcp") && !protocol.equals("udp")) {
                errors.add(FieldError.of("port", "validation.fw_port_protocol", "needs protocol tcp or udp"));
            }
        } else {
            port = null;
        }
        source = address("source", source, errors);
        destination = address("destination", destination, errors);
        if (position != null && (position < 0 || position >= MAX_RULES)) {
            errors.add(FieldError.of("position", "validation.range", "must be between 0 and " + (MAX_RULES - 1), 0, MAX_RULES - 1));
        }
        if (comment != null && comment.length() > 200) {
            errors.add(FieldError.of("comment", "validation.length", "must be at most 200 characters", 0, 200));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }

    private static String lower(String v) {
        return v == null ? "" : v.trim().toLowerCase(Locale.ROOT);
    }

    private static boolean portsInRange(String port) {
        int previous = 0;
        for (String p : port.split(":")) {
            int n = Integer.parseInt(p);
            if (n < 1 || n > 65535 || n < previous) {
                return false; // out of range, or a range that runs backwards
            }
            previous = n;
        }
        return true;
    }

    private static String address(String field, String raw, List<FieldError> errors) {
        if (raw == null || raw.isBlank() || raw.trim().equals("0.0.0.0/0") || raw.trim().equals("::/0")
                || raw.trim().equalsIgnoreCase("any")) {
            return null; // no restriction
        }
        String v = raw.trim();
        if (!FirewallAddress.valid(v)) {
            errors.add(FieldError.of(field, "validation.fw_address",
                    "must be an IPv4 or IPv6 address, a CIDR or a range such as 10.0.0.1-10.0.0.9"));
        }
        return v;
    }

    /** PVE's spelling: in/out, ACCEPT/DROP/REJECT, protocol omitted for any. */
    /** The same rule at {@code index} of the VM's list (stored rules always have one). */
    public FirewallRuleSpec at(int index) {
        return new FirewallRuleSpec(direction, action, protocol, port, source, destination, enabled, index, comment);
    }

    public String pveDirection() {
        return direction.equals("inbound") ? "in" : "out";
    }

    public String pveAction() {
        return action.toUpperCase(Locale.ROOT);
    }

    public String pveProtocol() {
        return protocol.equals("any") ? null : protocol;
    }
}
