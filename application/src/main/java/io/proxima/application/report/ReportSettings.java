package io.proxima.application.report;

/** Bounds of the reports: the longest range a request may ask for, and how many top customers to list. */
public record ReportSettings(int maxDays, int topCustomers) {

    public ReportSettings {
        if (maxDays < 1 || topCustomers < 1) {
            throw new IllegalArgumentException("report bounds must be positive");
        }
    }

    public static ReportSettings defaults() {
        return new ReportSettings(731, 10);
    }
}
