package io.proxima.domain.node;

import io.proxima.domain.shared.ValidationException;
import java.util.regex.Pattern;

/** An IPv4 network in CIDR notation, e.g. {@code 203.0.113.0/24}; the address is normalised to the network. */
public record Ipv4Cidr(int network, int prefixLength) {

    private static final Pattern DOTTED = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");

    public Ipv4Cidr {
        if (prefixLength < 8 || prefixLength > 30) {
            throw ValidationException.of("cidr", "validation.cidr_prefix", "prefix length must be between /8 and /30");
        }
        network = network & mask(prefixLength);
    }

    public static Ipv4Cidr parse(String raw) {
        if (raw == null || !raw.contains("/")) {
            throw ValidationException.of("cidr", "validation.cidr", "must be an IPv4 network such as 203.0.113.0/24");
        }
        String[] parts = raw.trim().split("/", 2);
        int prefix;
        try {
            prefix = Integer.parseInt(parts[1]);
        } catch (NumberFormatException e) {
            throw ValidationException.of("cidr", "validation.cidr", "must be an IPv4 network such as 203.0.113.0/24");
        }
        return new Ipv4Cidr(parseAddress("cidr", parts[0]), prefix);
    }

    /** Parses a dotted-quad address, reporting problems against {@code field}. */
    public static int parseAddress(String field, String raw) {
        var m = raw == null ? null : DOTTED.matcher(raw.trim());
        if (m == null || !m.matches()) {
            throw ValidationException.of(field, "validation.ipv4", "must be an IPv4 address");
        }
        int value = 0;
        for (int i = 1; i <= 4; i++) {
            int octet = Integer.parseInt(m.group(i));
            if (octet > 255) {
                throw ValidationException.of(field, "validation.ipv4", "must be an IPv4 address");
            }
            value = (value << 8) | octet;
        }
        return value;
    }

    public static String format(int address) {
        return ((address >>> 24) & 0xff) + "." + ((address >>> 16) & 0xff) + "." + ((address >>> 8) & 0xff) + "." + (address & 0xff);
    }

    private static int mask(int prefix) {
        return prefix == 0 ? 0 : -1 << (32 - prefix);
    }

    public boolean contains(int address) {
        return (address & mask(prefixLength)) == network;
    }

    public int broadcast() {
        return network | ~mask(prefixLength);
    }

    /** Usable host addresses: the network minus its network and broadcast addresses. */
    public long hostCount() {
        return (1L << (32 - prefixLength)) - 2;
    }

    public int firstHost() {
        return network + 1;
    }

    public int lastHost() {
        return broadcast() - 1;
    }

    @Override
    public String toString() {
        return format(network) + "/" + prefixLength;
    }
}
