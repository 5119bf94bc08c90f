package io.proxima.domain.user;

import io.proxima.domain.shared.FieldError;
import io.proxima.domain.shared.ValidationException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * A key for automation (seed 004). The secret is shown once at creation; only its prefix (to
 * recognise it) and its hash are kept. Scopes limit what it may do, an optional expiry and IP
 * allow-list limit when and from where.
 */
public final class ApiKey {

    public static final int MAX_ALLOWED_IPS = 32;
    /** How often the last-used time is written back at most: a busy key must not write on every call. */
    public static final Duration LAST_USED_RESOLUTION = Duration.ofMinutes(1);

    private final UUID id;
    private final UserId userId;
    private String name;
    /** How many leading characters of a key are its public prefix (stored, shown, used to look it up). */
    public static final int PREFIX_LENGTH = 12;

    private final String prefix;
    private final String secretHash;
    private final Set<ApiKeyScope> scopes;
    private final Instant expiresAt;
    private final List<String> allowedIps;
    private boolean enabled;
    private final Instant createdAt;
    private Instant lastUsedAt;

    public ApiKey(UUID id, UserId userId, String name, String prefix, String secretHash, Set<ApiKeyScope> scopes,
                  Instant expiresAt, List<String> allowedIps, boolean enabled, Instant createdAt, Instant lastUsedAt) {
        this.id = Objects.requireNonNull(id);
        this.userId = Objects.requireNonNull(userId);
        this.name = Objects.requireNonNull(name);
        this.prefix = Objects.requireNonNull(prefix);
        this.secretHash = Objects.requireNonNull(secretHash);
        this.scopes = scopes.isEmpty() ? EnumSet.noneOf(ApiKeyScope.class) : EnumSet.copyOf(scopes);
        this.expiresAt = expiresAt;
        this.allowedIps = allowedIps == null ? List.of() : List.copyOf(allowedIps);
        this.enabled = enabled;
        this.createdAt = Objects.requireNonNull(createdAt);
        this.lastUsedAt = lastUsedAt;
    }

    /** Checks the request for a new key of {@code owner}; {@code admin} scope is for administrators only. */
    public static ApiKey create(User owner, String name, Set<ApiKeyScope> scopes, Instant expiresAt,
                                List<String> allowedIps, String prefix, String secret, Instant now) {
        List<FieldError> errors = new ArrayList<>();
        if (name == null || name.isBlank() || name.length() > 64) {
            errors.add(FieldError.of("name", "validation.size", "must be 1 to 64 characters", 1, 64));
        }
        if (scopes == null || scopes.isEmpty()) {
            errors.add(FieldError.of("scopes", "validation.scopes.empty", "must name at least one scope"));
        } else if (scopes.contains(ApiKeyScope.ADMIN) && owner.role() != Role.ADMIN) {
            errors.add(FieldError.of("scopes", "validation.scopes.admin", "the admin scope is for administrators only"));
        }
        if (expiresAt != null && !expiresAt.isAfter(now)) {
            errors.add(FieldError.of("expires_at", "validation.future", "must be in the future"));
        }
        List<String> ips = allowedIps == null ? List.of() : allowedIps;
        if (ips.size() > MAX_ALLOWED_IPS) {
            errors.add(FieldError.of("allowed_ips", "validation.max_items", "must have at most " + MAX_ALLOWED_IPS + " entries",
                    MAX_ALLOWED_IPS));
        }
        for (int i = 0; i < ips.size(); i++) {
            if (IpRange.parse(ips.get(i)).isEmpty()) {
                errors.add(FieldError.of("allowed_ips[" + i + "]", "validation.cidr", "must be an IP address or CIDR block"));
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return new ApiKey(UUID.randomUUID(), owner.id(), name.trim(), prefix, SecretHashes.sha256(secret),
                scopes, expiresAt, ips.stream().map(String::trim).toList(), true, now, null);
    }

    public boolean isExpired(Instant now) {
        return expiresAt != null && !now.isBefore(expiresAt);
    }

    public boolean matches(String secret) {
        return SecretHashes.same(secretHash, SecretHashes.sha256(secret));
    }

    /** An empty allow-list admits every address. */
    public boolean admits(String ip) {
        if (allowedIps.isEmpty()) {
            return true;
        }
        return allowedIps.stream().map(IpRange::parse).flatMap(java.util.Optional::stream).anyMatch(r -> r.contains(ip));
    }

    public boolean has(ApiKeyScope scope) {
        return scopes.contains(scope);
    }

    public void rename(String newName) {
        if (newName == null || newName.isBlank() || newName.length() > 64) {
            throw ValidationException.of("name", "validation.size", "must be 1 to 64 characters", 1, 64);
        }
        name = newName.trim();
    }

    public void setEnabled(boolean value) {
        enabled = value;
    }

    /** Records a use; true when the change is worth writing (at most once per resolution interval). */
    public boolean touch(Instant now) {
        if (lastUsedAt == null || !now.isBefore(lastUsedAt.plus(LAST_USED_RESOLUTION))) {
            lastUsedAt = now;
            return true;
        }
        return false;
    }

    public UUID id() { return id; }
    public UserId userId() { return userId; }
    public String name() { return name; }
    public String prefix() { return prefix; }
    public String secretHash() { return secretHash; }
    public Set<ApiKeyScope> scopes() { return scopes.isEmpty() ? Set.of() : EnumSet.copyOf(scopes); }
    public Instant expiresAt() { return expiresAt; }
    public List<String> allowedIps() { return allowedIps; }
    public boolean enabled() { return enabled; }
    public Instant createdAt() { return createdAt; }
    public Instant lastUsedAt() { return lastUsedAt; }
}
