package io.proxima.adapter.out.persistence.user;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "totp_recovery_codes")
public class RecoveryCodeEntity extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "user_id", nullable = false)
    public UUID userId;
    @Column(name = "code_hash", nullable = false)
    public String codeHash;
    @Column(name = "used_at")
    public Instant usedAt;
}
