package io.proxima.adapter.out.persistence.system;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "system_settings")
public class SettingEntity extends PanacheEntityBase {

    @Id
    @Column(name = "key", length = 64)
    public String key;

    @Column(name = "value", nullable = false)
    public String value;

    @Column(name = "updated_by")
    public UUID updatedBy;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
