package io.proxima.domain.user;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class OneTimeCodeTest {

    private final Instant now = Instant.parse("2025-01-01T00:00:00Z");

    private OneTimeCode code() {
        return OneTimeCode.issue(UserId.random(), OneTimeCode.Purpose.EMAIL_VERIFICATION, "a@example.test", "123456", now);
    }

    @Test
    void single_use() {
        OneTimeCode c = code();
        assertThat(c.attempt("123456", now)).isEqualTo(OneTimeCode.Outcome.ACCEPTED);
        assertThat(c.attempt("123456", now)).isEqualTo(OneTimeCode.Outcome.USED);
    }

    @Test
    void five_wrong_attempts_exhaust_it() {
        OneTimeCode c = code();
        for (int i = 0; i < 5; i++) {
            assertThat(c.attempt("000000", now)).isEqualTo(OneTimeCode.Outcome.WRONG);
        }
        assertThat(c.attempt("123456", now)).isEqualTo(OneTimeCode.Outcome.EXHAUSTED);
    }

    @Test
    void expires_after_15_minutes_and_resend_waits_a_minute() {
        OneTimeCode c = code();
        assertThat(c.mayResend(now.plusSeconds(59))).isFalse();
        assertThat(c.mayResend(now.plusSeconds(60))).isTrue();
        assertThat(c.attempt("123456", now.plusSeconds(15 * 60))).isEqualTo(OneTimeCode.Outcome.EXPIRED);
    }

    @Test
    void the_hash_depends_on_the_code_id() {
        OneTimeCode a = code();
        OneTimeCode b = code();
        assertThat(a.codeHash()).isNotEqualTo(b.codeHash()).doesNotContain("123456");
    }
}
