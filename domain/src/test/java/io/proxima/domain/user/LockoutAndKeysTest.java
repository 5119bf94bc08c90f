package io.proxima.domain.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.proxima.domain.shared.ValidationException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LockoutAndKeysTest {

    private final Instant now = Instant.parse("2025-01-01T00:00:00Z");

    private User user(Role role) {
        return User.register(UserId.random(), "alice", "Alice@Example.test", null, Language.EN, "$argon2id$x", role, false, now);
    }

    @Test
    void lockout_starts_at_the_fifth_failure_and_doubles() {
        LockoutPolicy p = new LockoutPolicy(5, Duration.ofMinutes(15));
        assertThat(p.lockedUntil(4, now)).isNull();
        assertThat(p.lockedUntil(5, now)).isEqualTo(now.plus(Duration.ofMinutes(15)));
        assertThat(p.lockedUntil(6, now)).isEqualTo(now.plus(Duration.ofMinutes(30)));
        assertThat(p.lockedUntil(40, now)).isEqualTo(now.plus(Duration.ofDays(1)));
    }

    @Test
    void a_user_is_locked_after_failures_and_unlocked_by_success() {
        User u = user(Role.USER);
        LockoutPolicy p = new LockoutPolicy(2, Duration.ofMinutes(1));
        u.recordFailedLogin(now, p);
        assertThat(u.isLocked(now)).isFalse();
        u.recordFailedLogin(now, p);
        assertThat(u.isLocked(now.plusSeconds(30))).isTrue();
        assertThat(u.isLocked(now.plusSeconds(61))).isFalse();
        u.recordSuccessfulLogin(now.plusSeconds(61));
        assertThat(u.failedLogins()).isZero();
        assertThat(u.email()).isEqualTo("alice@example.test");
    }

    @Test
    void totp_steps_cannot_be_replayed() {
        User u = user(Role.USER);
        u.beginTotpSetup("v1:secret", now);
        u.confirmTotp(100, now);
        assertThat(u.acceptTotpStep(100)).isFalse();
        assertThat(u.acceptTotpStep(101)).isTrue();
        assertThat(u.acceptTotpStep(101)).isFalse();
    }

    @Test
    void api_key_rules() {
        User user = user(Role.USER);
        assertThatThrownBy(() -> ApiKey.create(user, "k", Set.of(ApiKeyScope.ADMIN), null, List.of(), "pxk_a", "s", now))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> ApiKey.create(user, "k", Set.of(), null, List.of(), "pxk_a", "s", now))
                .isInstanceOf(ValidationException.class);
        ApiKey admin = ApiKey.create(user(Role.ADMIN), "k", Set.of(ApiKeyScope.ADMIN, ApiKeyScope.READ), now.plusSeconds(60),
                List.of("10.0.0.0/8", "2001:db8::/32"), "pxk_a", "secret", now);
        assertThat(admin.matches("secret")).isTrue();
        assertThat(admin.matches("secreT")).isFalse();
        assertThat(admin.admits("10.1.2.3")).isTrue();
        assertThat(admin.admits("11.1.2.3")).isFalse();
        assertThat(admin.admits("2001:db8::1")).isTrue();
        assertThat(admin.isExpired(now.plusSeconds(60))).isTrue();
        assertThat(admin.touch(now)).isTrue();
        assertThat(admin.touch(now.plusSeconds(30))).isFalse();
        assertThat(IpRange.parse("example.com")).isEmpty();
        assertThat(IpRange.parse("10.0.0.0/33")).isEmpty();
    }
}
