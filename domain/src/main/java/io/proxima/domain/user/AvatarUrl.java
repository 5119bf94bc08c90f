package io.proxima.domain.user;

import io.proxima.domain.shared.FieldError;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * An avatar is shown to other people (staff), so it may only point at the public web: an
 * {@code https} URL whose host is a name or a public address. Script URLs ({@code javascript:},
 * {@code data:}), plain http and internal addresses (loopback, private, link-local such as the
 * cloud metadata service 169.254.169.254, unique-local IPv6, {@code localhost} and internal
 * suffixes) are refused. Names are not resolved here: nothing on the server fetches avatars.
 */
public final class AvatarUrl {

    private AvatarUrl() {
    }

    public static Optional<FieldError> error(String field, String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        FieldError bad = FieldError.of(field, "validation.avatar", "must be an https URL of a public host");
        if (value.length() > 512) {
            return Optional.of(FieldError.of(field, "validation.max_length", "must be at most 512 characters", 512));
        }
        URI uri;
        try {
            uri = new URI(value.trim());
        } catch (URISyntaxException e) {
            return Optional.of(bad);
        }
        if (!"https".equalsIgnoreCase(uri.getScheme()) || uri.getRawUserInfo() != null) {
            return Optional.of(bad);
        }
        String host = uri.getHost();
        if (host == null || host.isBlank()) {
            return Optional.of(bad);
        }
        host = host.toLowerCase(Locale.ROOT);
        if (host.startsWith("[") && host.endsWith("]")) {
            return internalV6(host.substring(1, host.length() - 1)) ? Optional.of(bad) : Optional.empty();
        }
        if (host.matches("[0-9.]+")) {
            return internalV4(host) ? Optional.of(bad) : Optional.empty();
        }
        if (!host.contains(".") || host.equals("localhost") || host.endsWith(".localhost") || host.endsWith(".local")
                || host.endsWith(".internal") || host.endsWith(".lan") || host.endsWith(".home.arpa")) {
            return Optional.of(bad);
        }
        return Optional.empty();
    }

    /** Anything that is not a well-formed public IPv4 address counts as internal. */
    static boolean internalV4(String host) {
        String[] p = host.split("\\.");
        if (p.length != 4) {
            return true;
        }
        int[] o = new int[4];
        for (int i = 0; i < 4; i++) {
            if (p[i].isEmpty() || p[i].length() > 3) {
                return true;
            }
            o[i] = Integer.parseInt(p[i]);
            if (o[i] > 255) {
                return true;
            }
        }
        return o[0] == 0 || o[0] == 10 || o[0] == 127 || o[0] >= 224
                || (o[0] == 100 && o[1] >= 64 && o[1] <= 127)
                || (o[0] == 169 && o[1] == 254)
                || (o[0] == 172 && o[1] >= 16 && o[1] <= 31)
                || (o[0] == 192 && o[1] == 168)
                || (o[0] == 192 && o[1] == 0 && (o[2] == 0 || o[2] == 2))
                || (o[0] == 198 && (o[1] == 18 || o[1] == 19))
                || (o[0] == 198 && o[1] == 51 && o[2] == 100)
                || (o[0] == 203 && o[1] == 0 && o[2] == 113);
    }

    static boolean internalV6(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.contains(".")) {
            // IPv4-mapped or -compatible (::ffff:169.254.169.254): judge the embedded IPv4 address.
            return internalV4(h.substring(h.lastIndexOf(':') + 1));
        }
        return h.equals("::") || h.equals("::1") || h.startsWith("fe8") || h.startsWith("fe9") || h.startsWith("fea")
                || h.startsWith("feb") || h.startsWith("fc") || h.startsWith("fd") || h.startsWith("ff")
                || h.startsWith("::ffff:") || h.startsWith("64:ff9b:") || h.startsWith("2001:db8:");
    }
}
