package io.proxima.domain.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Family rotation rules (RFC 6819 / OAuth 2.1): rotate once, reuse is theft, revocation wins. */
class RefreshTokenTest {

    private final Instant now = Instant.parse("2025-01-01T00:00:00Z");

    private RefreshToken token(Instant expires, Instant rotated) {
        return new RefreshToken(UUID.randomUUID(), UUID.randomUUID(), UserId.random(), "h", now, expires, rotated);
    }

    @Test
    void a_fresh_token_rotates_and_then_counts_as_reused() {
        RefreshToken t = token(now.plus(Duration.ofDays(7)), null);
        assertThat(t.present(false, now)).isEqualTo(RefreshToken.Outcome.ROTATE);
        t.markRotated(now);
        assertThat(t.present(false, now.plusSeconds(1))).isEqualTo(RefreshToken.Outcome.REUSED);
        assertThatThrownBy(() -> t.markRotated(now)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void reuse_wins_over_expiry_and_revocation_wins_over_everything() {
        RefreshToken old = token(now.minusSeconds(1), now.minusSeconds(100));
        assertThat(old.present(false, now)).isEqualTo(RefreshToken.Outcome.REUSED);
        assertThat(old.present(true, now)).isEqualTo(RefreshToken.Outcome.REVOKED);
        assertThat(token(now.plusSeconds(10), null).present(true, now)).isEqualTo(RefreshToken.Outcome.REVOKED);
    }

    @Test
    void expires_at_its_end() {
        RefreshToken t = token(now.plusSeconds(60), null);
        assertThat(t.present(false, now.plusSeconds(59))).isEqualTo(RefreshToken.Outcome.ROTATE);
        assertThat(t.present(false, now.plusSeconds(60))).isEqualTo(RefreshToken.Outcome.EXPIRED);
    }
}
