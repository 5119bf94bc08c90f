package io.proxima.adapter.out.persistence.user;

import io.proxima.domain.user.Language;
import io.proxima.domain.user.Role;
import io.proxima.domain.user.User;
import io.proxima.domain.user.UserId;
import io.proxima.domain.user.UserStatus;

final class UserEntityMapper {

    private UserEntityMapper() {
    }

    static User toDomain(UserEntity e) {
        return User.reconstitute(new UserId(e.id), e.username, e.email, e.phone, e.passwordHash,
                Role.fromCode("role", e.role), UserStatus.fromCode("status", e.status), Language.fromCode("language", e.language),
                e.avatar, e.emailVerified, e.totpSecret, e.totpEnabled, e.totpLastStep, e.failedLogins, e.lockedUntil,
                e.lastLoginAt, e.createdAt, e.updatedAt, e.version);
    }

    static void copy(User u, UserEntity e) {
        e.id = u.id().value();
        e.username = u.username();
        e.email = u.email();
        e.phone = u.phone();
        e.passwordHash = u.passwordHash();
        e.role = u.role().code();
        e.status = u.status().code();
        e.language = u.language().code();
        e.avatar = u.avatar();
        e.emailVerified = u.emailVerified();
        e.totpSecret = u.totpSecret();
        e.totpEnabled = u.totpEnabled();
        e.totpLastStep = u.totpLastStep();
        e.failedLogins = u.failedLogins();
        e.lockedUntil = u.lockedUntil();
        e.lastLoginAt = u.lastLoginAt();
        e.createdAt = u.createdAt();
        e.updatedAt = u.updatedAt();
    }
}
