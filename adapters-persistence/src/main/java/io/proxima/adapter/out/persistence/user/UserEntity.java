package io.proxima.adapter.out.persistence.user;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "users")
public class UserEntity extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(nullable = false)
    public String username;
    @Column(nullable = false)
    public String email;
    public String phone;
    @Column(name = "password_hash", nullable = false)
    public String passwordHash;
    @Column(nullable = false)
    public String role;
    @Column(nullable = false)
    public String status;
    @Column(nullable = false)
    public String language;
    public String avatar;
    @Column(name = "email_verified", nullable = false)
    public boolean emailVerified;
    @Column(name = "totp_secret")
    public String totpSecret;
    @Column(name = "totp_enabled", nullable = false)
    public boolean totpEnabled;
    @Column(name = "totp_last_step", nullable = false)
    public long totpLastStep;
    @Column(name = "failed_logins", nullable = false)
    public int failedLogins;
    @Column(name = "locked_until")
    public Instant lockedUntil;
    @Column(name = "last_login_at")
    public Instant lastLoginAt;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
    @Version
    public long version;
}
