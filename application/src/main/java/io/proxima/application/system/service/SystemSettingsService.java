package io.proxima.application.system.service;

import io.proxima.application.audit.AuditEvent;
import io.proxima.application.audit.port.in.AuditLog;

import io.proxima.application.system.port.in.SystemSettingsUseCase;
import io.proxima.application.system.port.out.SettingsRepository;
import io.proxima.domain.system.Setting;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

@ApplicationScoped
public class SystemSettingsService implements SystemSettingsUseCase {

    private final SettingsRepository repository;

    @Inject
    AuditLog audit;

    @Inject
    public SystemSettingsService(SettingsRepository repository) {
        this.repository = repository;
    }

    @Override
    @Transactional
    public boolean flag(Setting setting) {
        return Boolean.parseBoolean(value(setting));
    }

    @Override
    @Transactional
    public int number(Setting setting) {
        return Integer.parseInt(value(setting));
    }

    @Override
    @Transactional
    public String text(Setting setting) {
        return value(setting);
    }

    @Override
    @Transactional
    public Map<Setting, String> all() {
        Map<String, String> stored = repository.findAll();
        Map<Setting, String> result = new EnumMap<>(Setting.class);
        for (Setting s : Setting.values()) {
            result.put(s, stored.getOrDefault(s.key(), s.defaultValue()));
        }
        return result;
    }

    @Override
    @Transactional
    public Map<Setting, String> update(Map<String, String> changes, UUID adminId) {
        Map<Setting, String> normalised = new LinkedHashMap<>();
        // Validate everything before writing anything: a bad value leaves all settings unchanged.
        changes.forEach((key, raw) -> {
            Setting s = Setting.fromKey(key);
            normalised.put(s, s.normalise(raw));
        });
        normalised.forEach((s, v) -> repository.put(s.key(), v, adminId));
        if (audit != null && !normalised.isEmpty()) {
            // Same transaction as the change; settings hold no secrets, so values are recorded.
            AuditEvent event = AuditEvent.of("system.config.update", "system_config", null)
                    .detail("keys", String.join(",", changes.keySet()));
            normalised.forEach((s, v) -> event.detail(s.key(), v));
            audit.record(event);
        }
        return all();
    }

    private String value(Setting setting) {
        return repository.find(setting.key()).orElse(setting.defaultValue());
    }
}
