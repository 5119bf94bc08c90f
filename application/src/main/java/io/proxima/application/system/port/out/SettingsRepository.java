package io.proxima.application.system.port.out;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Stored overrides of system settings, keyed by {@code Setting.key()}. */
public interface SettingsRepository {

    Optional<String> find(String key);

    Map<String, String> findAll();

    void put(String key, String value, UUID updatedBy);
}
