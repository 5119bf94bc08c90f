package io.proxima.bootstrap.vm;

import io.proxima.application.vm.VmStreamSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Console and metrics stream settings ({@code # --- VM extras ---} in application.properties). */
@ApplicationScoped
public class VmStreamConfiguration {

    @ConfigProperty(name = "proxima.vm.console.token-ttl", defaultValue = "60s")
    Duration consoleTokenTtl;

    @ConfigProperty(name = "proxima.vm.console.max-per-user", defaultValue = "5")
    int consoleMaxPerUser;

    @ConfigProperty(name = "proxima.vm.metrics-stream.interval", defaultValue = "5s")
    Duration metricsInterval;

    @Produces
    @Singleton
    VmStreamSettings vmStreamSettings() {
        return new VmStreamSettings(consoleTokenTtl, consoleMaxPerUser, metricsInterval);
    }
}
