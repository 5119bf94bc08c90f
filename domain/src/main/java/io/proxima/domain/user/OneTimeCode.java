package io.proxima.domain.user;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A 6-digit code mailed to a user (email verification, password reset): valid for
 * {@link #LIFETIME}, single use, at most {@link #MAX_ATTEMPTS} guesses. Only a hash is stored.
 */
public final class OneTimeCode {

    public static final Duration LIFETIME = Duration.ofMinutes(15);
    public static final int MAX_ATTEMPTS = 5;
    /** How soon another code may be mailed for the same purpose. */
    public static final Duration RESEND_INTERVAL = Duration.ofSeconds(60);

    /**
     * {@code EMAIL_CHANGE} codes are mailed to the requested new address, which the code row carries;
     * {@code LOGIN} codes stand in for a second factor while an account is under a password-guessing burst.
     */
    public enum Purpose { EMAIL_VERIFICATION, PASSWORD_RESET, EMAIL_CHANGE, LOGIN }

    public enum Outcome { ACCEPTED, WRONG, EXPIRED, EXHAUSTED, USED }

    private final UUID id;
    private final UserId userId;
    private final Purpose purpose;
    private final String email;
    private final String codeHash;
    private final Instant createdAt;
    private final Instant expiresAt;
    private int attempts;
    private Instant consumedAt;

    public OneTimeCode(UUID id, UserId userId, Purpose purpose, String email, String codeHash, Instant createdAt,
                       Instant expiresAt, int attempts, Instant consumedAt) {
        this.id = Objects.requireNonNull(id);
        this.userId = Objects.requireNonNull(userId);
        this.purpose = Objects.requireNonNull(purpose);
        this.email = Objects.requireNonNull(email);
        this.codeHash = Objects.requireNonNull(codeHash);
        this.createdAt = Objects.requireNonNull(createdAt);
        this.expiresAt = Objects.requireNonNull(expiresAt);
        this.attempts = attempts;
        this.consumedAt = consumedAt;
    }

    public static OneTimeCode issue(UserId userId, Purpose purpose, String email, String code, Instant now) {
        UUID id = UUID.randomUUID();
        return new OneTimeCode(id, userId, purpose, email, hash(id, code), now, now.plus(LIFETIME), 0, null);
    }

    /** Hash bound to the code's id, so equal codes of different users do not share a hash. */
    public static String hash(UUID id, String code) {
        return SecretHashes.sha256(id + ":" + code);
    }

    /** One guess. Every guess but an accepted one counts against the attempts. */
    public Outcome attempt(String candidate, Instant now) {
        if (consumedAt != null) {
            return Outcome.USED;
        }
        if (!now.isBefore(expiresAt)) {
            return Outcome.EXPIRED;
        }
        if (attempts >= MAX_ATTEMPTS) {
            return Outcome.EXHAUSTED;
        }
        if (candidate != null && SecretHashes.same(codeHash, hash(id, candidate.trim()))) {
            consumedAt = now;
            return Outcome.ACCEPTED;
        }
        attempts++;
        return Outcome.WRONG;
    }

    public boolean mayResend(Instant now) {
        return !now.isBefore(createdAt.plus(RESEND_INTERVAL));
    }

    public UUID id() { return id; }
    public UserId userId() { return userId; }
    public Purpose purpose() { return purpose; }
    public String email() { return email; }
    public String codeHash() { return codeHash; }
    public Instant createdAt() { return createdAt; }
    public Instant expiresAt() { return expiresAt; }
    public int attempts() { return attempts; }
    public Instant consumedAt() { return consumedAt; }
}
