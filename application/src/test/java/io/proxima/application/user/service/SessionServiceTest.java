package io.proxima.application.user.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.proxima.application.audit.AuditEvent;
import io.proxima.application.audit.AuditResult;
import io.proxima.application.user.port.in.IssuedTokens;
import io.proxima.application.user.port.in.SessionUseCase.LoginCommand;
import io.proxima.domain.shared.DomainException;
import io.proxima.domain.shared.ErrorCode;
import io.proxima.domain.user.User;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Login and refresh use cases against in-memory fakes of every out-port. */
class SessionServiceTest {

    private final InMemoryIdentity id = new InMemoryIdentity();

    private static ErrorCode codeOf(Runnable r) {
        try {
            r.run();
        } catch (DomainException e) {
            return e.code();
        }
        throw new AssertionError("expected a failure");
    }

    @Test
    void unknown_user_spends_a_dummy_verification_and_fails_like_a_wrong_password() {
        id.activeUser("alice", "Correct-Horse-9");
        assertThat(codeOf(() -> id.sessionService.login(new LoginCommand("nobody", "x", null, false))))
                .isEqualTo(ErrorCode.INVALID_CREDENTIALS);
        assertThat(id.hasher.dummyVerifications).isEqualTo(1);
        assertThat(codeOf(() -> id.sessionService.login(new LoginCommand("alice", "wrong", null, false))))
                .isEqualTo(ErrorCode.INVALID_CREDENTIALS);
        assertThat(id.audit).extracting(AuditEvent::result).containsExactly(AuditResult.FAILURE, AuditResult.FAILURE);
    }

    @Test
    void lockout_after_five_failures_then_released_by_time() {
        User alice = id.activeUser("alice", "Correct-Horse-9");
        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> id.sessionService.login(new LoginCommand("alice", "wrong", null, false)))
                    .isInstanceOf(DomainException.class);
        }
        int before = id.hasher.verifications;
        assertThat(codeOf(() -> id.sessionService.login(new LoginCommand("alice", "Correct-Horse-9", null, false))))
                .isEqualTo(ErrorCode.INVALID_CREDENTIALS);
        assertThat(id.hasher.verifications).as("a locked account does not check the password").isEqualTo(before);
        id.clock.advance(Duration.ofMinutes(15));
        IssuedTokens t = id.sessionService.login(new LoginCommand("ALICE@example.test", "Correct-Horse-9", null, false));
        assertThat(t.user().id()).isEqualTo(alice.id());
        assertThat(t.user().failedLogins()).isZero();
    }

    @Test
    void login_rehashes_when_the_parameters_changed() {
        User alice = id.activeUser("alice", "Correct-Horse-9");
        id.hasher.cost = 3;
        id.sessionService.login(new LoginCommand("alice", "Correct-Horse-9", null, false));
        assertThat(id.users.findById(alice.id()).orElseThrow().passwordHash()).isEqualTo("fake:3:Correct-Horse-9");
    }

    @Test
    void admin_login_admits_admins_only() {
        id.activeUser("alice", "Correct-Horse-9");
        assertThat(codeOf(() -> id.sessionService.login(new LoginCommand("alice", "Correct-Horse-9", null, true))))
                .isEqualTo(ErrorCode.INVALID_CREDENTIALS);
    }

    @Test
    void refresh_rotates_and_reuse_revokes_the_family() {
        id.activeUser("alice", "Correct-Horse-9");
        IssuedTokens first = id.sessionService.login(new LoginCommand("alice", "Correct-Horse-9", null, false));
        IssuedTokens second = id.sessionService.refresh(first.refreshToken());
        assertThat(second.refreshToken()).isNotEqualTo(first.refreshToken());

        assertThat(codeOf(() -> id.sessionService.refresh(first.refreshToken()))).isEqualTo(ErrorCode.TOKEN_INVALID);
        assertThat(codeOf(() -> id.sessionService.refresh(second.refreshToken()))).isEqualTo(ErrorCode.TOKEN_INVALID);
        assertThat(id.audit).extracting(AuditEvent::action).contains("auth.session_revoked");
        assertThat(codeOf(() -> id.sessionService.refresh("garbage"))).isEqualTo(ErrorCode.TOKEN_INVALID);
    }

    @Test
    void refresh_tokens_expire_after_their_lifetime() {
        id.activeUser("alice", "Correct-Horse-9");
        IssuedTokens first = id.sessionService.login(new LoginCommand("alice", "Correct-Horse-9", null, false));
        id.clock.advance(Duration.ofDays(7));
        assertThat(codeOf(() -> id.sessionService.refresh(first.refreshToken()))).isEqualTo(ErrorCode.TOKEN_EXPIRED);
    }
}
