package io.proxima.application.audit;

import java.util.Locale;

/** How the audited action ended. */
public enum AuditResult {
    SUCCESS, FAILURE, DENIED;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
