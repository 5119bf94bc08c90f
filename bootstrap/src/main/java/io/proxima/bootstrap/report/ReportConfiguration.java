package io.proxima.bootstrap.report;

import io.proxima.application.report.ReportSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The reports' bounds from configuration (see docs/operations/configuration.md). */
@ApplicationScoped
public class ReportConfiguration {

    @ConfigProperty(name = "proxima.reports.max-days", defaultValue = "731")
    int maxDays;

    @ConfigProperty(name = "proxima.reports.top-customers", defaultValue = "10")
    int topCustomers;

    @Produces
    @Singleton
    ReportSettings reportSettings() {
        return new ReportSettings(maxDays, topCustomers);
    }
}
