package io.proxima.adapter.out.persistence.system;

import io.proxima.application.system.port.out.SettingsRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

@ApplicationScoped
public class SettingsPanacheRepository implements SettingsRepository {

    @Override
    public Optional<String> find(String key) {
        return SettingEntity.<SettingEntity>findByIdOptional(key).map(e -> e.value);
    }

    @Override
    public Map<String, String> findAll() {
        return SettingEntity.<SettingEntity>listAll().stream().collect(Collectors.toMap(e -> e.key, e -> e.value));
    }

    @Override
    public void put(String key, String value, UUID updatedBy) {
        // An upsert, so two administrators saving the same key at once cannot collide.
        SettingEntity.getEntityManager().createNativeQuery("""
                INSERT INTO system_settings (key, value, updated_by, updated_at) VALUES (?1, ?2, CAST(?3 AS uuid), ?4)
                ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, updated_by = EXCLUDED.updated_by,
                                                updated_at = EXCLUDED.updated_at""")
                .setParameter(1, key).setParameter(2, value).setParameter(3, updatedBy == null ? null : updatedBy.toString()).setParameter(4, Instant.now())
                .executeUpdate();
    }
}
