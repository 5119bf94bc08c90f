package io.proxima.domain.vm;

import java.util.Locale;

public enum OperationStatus {
    PENDING, RUNNING, SUCCEEDED, FAILED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean finished() {
        return this == SUCCEEDED || this == FAILED;
    }
}
