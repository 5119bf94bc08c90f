package io.proxima.bootstrap.jobs;

import io.proxima.application.vm.OperationSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The operation runner's tunables from configuration (see docs/operations/configuration.md). */
@ApplicationScoped
public class OperationConfiguration {

    @ConfigProperty(name = "proxima.operations.concurrency", defaultValue = "4")
    int concurrency;

    @ConfigProperty(name = "proxima.operations.lease", defaultValue = "60s")
    Duration lease;

    @ConfigProperty(name = "proxima.operations.max-attempts", defaultValue = "6")
    int maxAttempts;

    @ConfigProperty(name = "proxima.operations.compensation-attempts", defaultValue = "10")
    int compensationAttempts;

    @ConfigProperty(name = "proxima.operations.task-poll-min", defaultValue = "1s")
    Duration taskPollMin;

    @ConfigProperty(name = "proxima.operations.task-poll-max", defaultValue = "10s")
    Duration taskPollMax;

    @Produces
    @Singleton
    OperationSettings operationSettings() {
        return new OperationSettings(concurrency, lease, maxAttempts, compensationAttempts, taskPollMin, taskPollMax);
    }
}
