package io.proxima.domain.vm;

/**
 * The address forms a firewall rule accepts: an IPv4 or IPv6 address, a CIDR (prefix 0-32 or
 * 0-128) or a range {@code a-b} of one family in increasing order. Parsed by hand: a resolver
 * would take {@code 999.1.1.1} for a host name and look it up.
 */
public final class FirewallAddress {

    private FirewallAddress() {
    }

    public static boolean valid(String value) {
        if (value == null || value.isEmpty() || value.length() > 90) {
            return false;
        }
        int dash = value.indexOf('-');
        if (dash >= 0) {
            byte[] from = parse(value.substring(0, dash));
            byte[] to = parse(value.substring(dash + 1));
            return from != null && to != null && from.length == to.length && compare(from, to) <= 0;
        }
        int slash = value.indexOf('/');
        if (slash >= 0) {
            byte[] address = parse(value.substring(0, slash));
            String prefix = value.substring(slash + 1);
            if (address == null || prefix.isEmpty() || prefix.length() > 3 || !prefix.chars().allMatch(Character::isDigit)) {
                return false;
            }
            return Integer.parseInt(prefix) <= address.length * 8;
        }
        return parse(value) != null;
    }

    /** 4 or 16 bytes, or null when {@code s} is no IP address literal. */
    static byte[] parse(String s) {
        return s.indexOf(':') >= 0 ? ipv6(s) : ipv4(s);
    }

    private static byte[] ipv4(String s) {
        String[] parts = s.split("\\.", -1);
        if (parts.length != 4) {
            return null;
        }
        byte[] out = new byte[4];
        for (int i = 0; i < 4; i++) {
            String p = parts[i];
            if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(c -> c >= '0' && c <= '9')) {
                return null;
            }
            int n = Integer.parseInt(p);
            if (n > 255) {
                return null;
            }
            out[i] = (byte) n;
        }
        return out;
    }

    private static byte[] ipv6(String s) {
        int gap = s.indexOf("::");
        if (gap >= 0 && s.indexOf("::", gap + 1) >= 0) {
            return null;
        }
        String head = gap >= 0 ? s.substring(0, gap) : s;
        String tail = gap >= 0 ? s.substring(gap + 2) : "";
        int[] left = groups(head);
        int[] right = groups(tail);
        if (left == null || right == null) {
            return null;
        }
        int total = left.length + right.length;
        if (gap < 0 ? total != 8 : total > 7) {
            return null;
        }
        byte[] out = new byte[16];
        for (int i = 0; i < left.length; i++) {
            out[2 * i] = (byte) (left[i] >> 8);
            out[2 * i + 1] = (byte) left[i];
        }
        for (int i = 0; i < right.length; i++) {
            int at = 8 - right.length + i;
            out[2 * at] = (byte) (right[i] >> 8);
            out[2 * at + 1] = (byte) right[i];
        }
        return out;
    }

    /** Hex groups separated by ':'; a trailing dotted IPv4 counts as two groups. */
    private static int[] groups(String s) {
        if (s.isEmpty()) {
            return new int[0];
        }
        String[] parts = s.split(":", -1);
        int extra = parts[parts.length - 1].indexOf('.') >= 0 ? 1 : 0;
        int[] out = new int[parts.length + extra];
        for (int i = 0; i < parts.length; i++) {
            String p = parts[i];
            if (i == parts.length - 1 && extra == 1) {
                byte[] v4 = ipv4(p);
                if (v4 == null) {
                    return null;
                }
                out[i] = (v4[0] & 0xff) << 8 | v4[1] & 0xff;
                out[i + 1] = (v4[2] & 0xff) << 8 | v4[3] & 0xff;
                continue;
            }
            if (p.isEmpty() || p.length() > 4) {
                return null;
            }
            for (char c : p.toCharArray()) {
                if (Character.digit(c, 16) < 0) {
                    return null;
                }
            }
            out[i] = Integer.parseInt(p, 16);
        }
        return out;
    }

    private static int compare(byte[] a, byte[] b) {
        for (int i = 0; i < a.length; i++) {
            int d = (a[i] & 0xff) - (b[i] & 0xff);
            if (d != 0) {
                return d;
            }
        }
        return 0;
    }
}
