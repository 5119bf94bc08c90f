package io.proxima.domain.user;

import java.time.Instant;
import java.util.UUID;

/** One single-use two-factor recovery code, kept as a hash. */
public record RecoveryCode(UUID id, UserId userId, String codeHash, Instant usedAt) {

    public static String normalise(String code) {
        return code == null ? "" : code.replace("-", "").replace(" ", "").trim().toLowerCase(java.util.Locale.ROOT);
    }

    public static String hash(UserId userId, String code) {
        return SecretHashes.sha256(userId + ":" + normalise(code));
    }

    public boolean matches(String candidate) {
        return usedAt == null && SecretHashes.same(codeHash, hash(userId, candidate));
    }
}
