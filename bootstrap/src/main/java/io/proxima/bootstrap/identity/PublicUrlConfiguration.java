package io.proxima.bootstrap.identity;

import io.proxima.application.shared.port.out.PublicUrls;
import io.quarkus.runtime.LaunchMode;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * {@code proxima.public-base-url} ({@code PROXIMA_PUBLIC_BASE_URL}): the address users reach
 * Proxima at. Unset, links point at {@code http://localhost:<port>} (the embedded default), never
 * at whatever {@code Host} a request claimed.
 */
@ApplicationScoped
public class PublicUrlConfiguration implements PublicUrls {

    @ConfigProperty(name = "proxima.public-base-url")
    Optional<String> configured;

    @Override
    public String base() {
        Optional<String> c = configured.map(String::trim).filter(s -> !s.isEmpty());
        if (c.isPresent()) {
            String b = c.get();
            return b.endsWith("/") ? b.substring(0, b.length() - 1) : b;
        }
        // Read at call time: with port 0 (tests) the bound port is only known after start.
        String key = LaunchMode.current() == LaunchMode.TEST ? "quarkus.http.test-port" : "quarkus.http.port";
        int port = ConfigProvider.getConfig().getOptionalValue(key, Integer.class).orElse(8080);
        return "http://localhost:" + port;
    }

    /** True when the configured public URL is https (HSTS is then sent). */
    public boolean https() {
        return base().startsWith("https://");
    }
}
