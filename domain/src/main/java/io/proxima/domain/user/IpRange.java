package io.proxima.domain.user;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/** An address or CIDR block of an API key's allow-list, e.g. {@code 203.0.113.0/24} or {@code 2001:db8::/32}. */
public record IpRange(String text, byte[] network, int prefix) {

    private static final Pattern V4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern V6 = Pattern.compile("[0-9A-Fa-f:.]+");

    /** Parses literal addresses only: no name is ever resolved. */
    public static Optional<IpRange> parse(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String s = raw.trim();
        String addr = s;
        int prefix = -1;
        int slash = s.indexOf('/');
        if (slash >= 0) {
            addr = s.substring(0, slash);
            try {
                prefix = Integer.parseInt(s.substring(slash + 1));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        byte[] bytes = literal(addr);
        if (bytes == null) {
            return Optional.empty();
        }
        int max = bytes.length * 8;
        if (prefix == -1) {
            prefix = max;
        }
        if (prefix < 0 || prefix > max) {
            return Optional.empty();
        }
        return Optional.of(new IpRange(s, bytes, prefix));
    }

    public boolean contains(String address) {
        byte[] a = literal(address);
        if (a == null || a.length != network.length) {
            return false;
        }
        int full = prefix / 8;
        for (int i = 0; i < full; i++) {
            if (a[i] != network[i]) {
                return false;
            }
        }
        int rest = prefix % 8;
        if (rest == 0) {
            return true;
        }
        int mask = (0xFF << (8 - rest)) & 0xFF;
        return (a[full] & mask) == (network[full] & mask);
    }

    static byte[] literal(String s) {
        if (s == null || s.isEmpty()) {
            return null;
        }
        boolean v4 = V4.matcher(s).matches();
        if (!v4 && !(s.contains(":") && V6.matcher(s).matches())) {
            return null;
        }
        try {
            byte[] b = InetAddress.getByName(s).getAddress();
            if (b.length == 16 && v4) {
                return null;
            }
            return b;
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
