package io.proxima.domain.monitoring;

import io.proxima.domain.shared.ValidationException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A webhook receiver's URL: http or https, a host, no credentials in it, and — unless an
 * administrator allows it explicitly — no loopback, link-local, private or otherwise internal
 * address (so webhooks cannot be aimed at Proxima's own network). Host names are checked again
 * after resolution at each delivery, which this pure check cannot do.
 */
public record WebhookUrl(String value) {

    private static final Pattern IPV4 = Pattern.compile("^\\d{1,3}(\\.\\d{1,3}){3}$");

    public static WebhookUrl parse(String raw, boolean allowPrivate) {
        if (raw == null || raw.isBlank() || raw.length() > 2000) {
            throw invalid("is required, at most 2000 characters");
        }
        URI uri;
        try {
            uri = new URI(raw.trim());
        } catch (URISyntaxException e) {
            throw invalid("is not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw invalid("must be an http or https URL");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw invalid("must name a host");
        }
        if (uri.getRawUserInfo() != null) {
            throw invalid("must not carry credentials");
        }
        if (!allowPrivate && isInternalHost(uri.getHost())) {
            throw invalid("points at a loopback, link-local or private address");
        }
        return new WebhookUrl(uri.toString());
    }

    /** True for internal host names and for IP literals in internal ranges. */
    public static boolean isInternalHost(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        if (h.equals("localhost") || h.endsWith(".localhost") || h.endsWith(".local") || h.endsWith(".internal")) {
            return true;
        }
        if (IPV4.matcher(h).matches() || h.contains(":")) {
            try {
                // A literal: parsed without any DNS lookup.
                return isInternal(InetAddress.getByName(h));
            } catch (UnknownHostException e) {
                return true;
            }
        }
        return false;
    }

    /** Loopback, link-local, site-local (RFC 1918), shared (100.64/10), unique-local (fc00::/7), any-local and multicast. */
    public static boolean isInternal(InetAddress a) {
        if (a.isLoopbackAddress() || a.isLinkLocalAddress() || a.isSiteLocalAddress() || a.isAnyLocalAddress()
                || a.isMulticastAddress()) {
            return true;
        }
        byte[] b = a.getAddress();
        if (a instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return first == 0 || first == 100 && second >= 64 && second < 128 || first == 198 && (second == 18 || second == 19)
                    || first >= 240;
        }
        if (a instanceof Inet6Address) {
            return (b[0] & 0xfe) == 0xfc;
        }
        return false;
    }

    private static ValidationException invalid(String message) {
        return ValidationException.of("url", "validation.webhook.url", message);
    }
}
