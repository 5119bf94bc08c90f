package io.proxima.application.hypervisor.port.out;

import java.net.URI;
import java.util.Locale;
import java.util.Objects;

/**
 * Everything needed to talk to one PVE API endpoint: base URL ({@code https://host:8006}), the
 * credentials and the TLS trust rule. Plain {@code http} is accepted only for loopback hosts
 * (the built-in simulator), so a token never crosses a network in clear text.
 */
public record PveNodeConnection(URI baseUrl, PveCredentials credentials, PveTlsTrust tls) {

    public PveNodeConnection {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(credentials, "credentials");
        Objects.requireNonNull(tls, "tls");
        String scheme = baseUrl.getScheme() == null ? "" : baseUrl.getScheme().toLowerCase(Locale.ROOT);
        if (baseUrl.getHost() == null) {
            throw new IllegalArgumentException("base URL needs a host: " + baseUrl);
        }
        if (!scheme.equals("https") && !(scheme.equals("http") && isLoopback(baseUrl.getHost()))) {
            throw new IllegalArgumentException("base URL must be https (http only for loopback): " + baseUrl);
        }
        String path = baseUrl.getPath();
        if (path != null && !path.isEmpty() && !path.equals("/")) {
            throw new IllegalArgumentException("base URL must not carry a path; /api2/json is added by the adapter: " + baseUrl);
        }
    }

    /** With an API token: {@code user@realm!tokenid} and its secret. */
    public static PveNodeConnection withToken(String baseUrl, String tokenId, String secret, PveTlsTrust tls) {
        return new PveNodeConnection(URI.create(baseUrl), new PveCredentials.ApiToken(tokenId, secret), tls);
    }

    public boolean isHttps() {
        return "https".equalsIgnoreCase(baseUrl.getScheme());
    }

    private static boolean isLoopback(String host) {
        return host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]") || host.equals("::1");
    }

    @Override
    public String toString() {
        // credentials print without their secret
        return "PveNodeConnection[" + baseUrl + ", " + credentials + ", tls=" + tls.mode() + "]";
    }
}
