package io.proxima.domain.vm;

import io.proxima.domain.shared.FieldError;
import io.proxima.domain.shared.ValidationException;
import java.util.ArrayList;
import java.util.List;

/** The size of a guest: what a plan grants and what placement must find room for. */
public record ResourceSpec(int cpuCores, int memoryMb, int diskGb) {

    public static final int MAX_CORES = 512;
    public static final int MIN_MEMORY_MB = 64;
    public static final int MAX_MEMORY_MB = 4 * 1024 * 1024;
    public static final int MAX_DISK_GB = 128 * 1024;

    public ResourceSpec {
        List<FieldError> errors = new ArrayList<>();
        if (cpuCores < 1 || cpuCores > MAX_CORES) {
            errors.add(FieldError.of("cpu_cores", "validation.range", "must be between 1 and " + MAX_CORES, 1, MAX_CORES));
        }
        if (memoryMb < MIN_MEMORY_MB || memoryMb > MAX_MEMORY_MB) {
            errors.add(FieldError.of("memory_mb", "validation.range",
                    "must be between " + MIN_MEMORY_MB + " and " + MAX_MEMORY_MB, MIN_MEMORY_MB, MAX_MEMORY_MB));
        }
        if (diskGb < 1 || diskGb > MAX_DISK_GB) {
            errors.add(FieldError.of("disk_gb", "validation.range", "must be between 1 and " + MAX_DISK_GB, 1, MAX_DISK_GB));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }

    /** True when every dimension of {@code other} fits into this one (a downsize check). */
    public boolean covers(ResourceSpec other) {
        return cpuCores >= other.cpuCores && memoryMb >= other.memoryMb && diskGb >= other.diskGb;
    }
}
