package io.proxima.adapter.out.persistence.user;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "api_keys")
public class ApiKeyEntity extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "user_id", nullable = false)
    public UUID userId;
    @Column(nullable = false)
    public String name;
    @Column(nullable = false)
    public String prefix;
    @Column(name = "secret_hash", nullable = false)
    public String secretHash;
    /** Comma-separated scope codes. */
    @Column(nullable = false)
    public String scopes;
    /** Comma-separated addresses or CIDR blocks; empty = any. */
    @Column(name = "allowed_ips", nullable = false)
    public String allowedIps;
    @Column(name = "expires_at")
    public Instant expiresAt;
    @Column(nullable = false)
    public boolean enabled;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
    @Column(name = "last_used_at")
    public Instant lastUsedAt;
}
