package io.proxima.adapter.out.persistence.user;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "refresh_tokens")
public class RefreshTokenEntity extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "family_id", nullable = false)
    public UUID familyId;
    @Column(name = "user_id", nullable = false)
    public UUID userId;
    @Column(name = "token_hash", nullable = false)
    public String tokenHash;
    @Column(name = "issued_at", nullable = false)
    public Instant issuedAt;
    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;
    @Column(name = "rotated_at")
    public Instant rotatedAt;
}
