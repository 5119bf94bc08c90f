package io.proxima.application.user.service;

import io.proxima.application.audit.port.out.CallerContext;
import io.proxima.application.user.IdentitySettings;
import io.proxima.application.user.port.out.AttemptCounter;
import io.proxima.application.user.port.out.OneTimeCodeRepository;
import io.proxima.domain.shared.DomainException;
import io.proxima.domain.shared.ErrorCode;
import io.proxima.domain.user.LockoutPolicy;
import io.proxima.domain.user.OneTimeCode;
import io.proxima.domain.user.User;
import io.proxima.domain.user.UserId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * Guessing limits that cannot be turned against the owner (issue 11):
 * <ul>
 * <li>wrong passwords lock the pair (account, client address), not the account: a stranger
 *     cannot lock the owner out;</li>
 * <li>an account-wide burst (the account's own failure counter, {@link User#isLocked}) never
 *     refuses the right password with the right second factor; an account without 2FA is then
 *     asked for a code mailed to its address, and the owner is told once per burst;</li>
 * <li>TOTP confirm and disable get five wrong codes, then a lock, like login.</li>
 * </ul>
 * Counters live in PostgreSQL ({@link AttemptCounter}), so they hold across instances.
 */
@ApplicationScoped
public class LoginThrottle {

    public static final String LOGIN_CODE_TEMPLATE = "login_code";
    public static final String BURST_NOTICE_TEMPLATE = "login_burst_notice";

    private final AttemptCounter counter;
    private final CallerContext caller;
    private final CodeMailer codeMailer;
    private final OneTimeCodeRepository codes;
    private final LockoutPolicy policy;

    @Inject
    public LoginThrottle(AttemptCounter counter, CallerContext caller, CodeMailer codeMailer, OneTimeCodeRepository codes,
                         IdentitySettings settings) {
        this.counter = counter;
        this.caller = caller;
        this.codeMailer = codeMailer;
        this.codes = codes;
        this.policy = new LockoutPolicy(settings.lockoutMaxFailures(), settings.lockoutDuration());
    }

    private String pairKey(UserId user) {
        return "login:" + user.value() + ":" + caller.ipAddress().orElse("unknown");
    }

    /** Is this account locked for the calling address? */
    public boolean pairLocked(User user, Instant now) {
        return counter.lockedUntil(pairKey(user.id())).filter(now::isBefore).isPresent();
    }

    /** A wrong password or second factor from the calling address. */
    public void failed(User user, boolean burstJustStarted, Instant now) {
        String key = pairKey(user.id());
        Instant until = policy.lockedUntil(counter.increment(key, now), now);
        if (until != null) {
            counter.lockUntil(key, until);
        }
        if (burstJustStarted) {
            codeMailer.notify(user, user.email(), BURST_NOTICE_TEMPLATE, Map.of());
        }
    }

    public void succeeded(User user) {
        counter.clear(pairKey(user.id()));
    }

    /** Mails a login code (at most one a minute). */
    public void sendLoginCode(User user, Instant now) {
        codeMailer.sendLoginCode(user, now);
    }

    public boolean loginCodeAccepted(User user, String code, Instant now) {
        return codes.findLatest(user.id(), OneTimeCode.Purpose.LOGIN)
                .map(c -> {
                    OneTimeCode.Outcome o = c.attempt(code, now);
                    codes.save(c);
                    return o == OneTimeCode.Outcome.ACCEPTED;
                }).orElse(false);
    }

    // --- TOTP confirm / disable ---------------------------------------------------------------

    private static String totpKey(UserId user) {
        return "totp:" + user.value();
    }

    /** Refuses (429) while the user's TOTP guesses are locked. */
    public void requireTotpGuessesLeft(UserId user, Instant now) {
        counter.lockedUntil(totpKey(user)).filter(now::isBefore).ifPresent(until -> {
            long seconds = Math.max(1, Duration.between(now, until).toSeconds());
            throw new DomainException(ErrorCode.RATE_LIMITED, "error.totp.locked",
                    "Too many wrong two-factor codes; try again in " + seconds + " seconds", Map.of("retry_after", seconds),
                    new Object[] {seconds});
        });
    }

    public void totpFailed(UserId user, Instant now) {
        String key = totpKey(user);
        Instant until = policy.lockedUntil(counter.increment(key, now), now);
        if (until != null) {
            counter.lockUntil(key, until);
        }
    }

    public void totpSucceeded(UserId user) {
        counter.clear(totpKey(user));
    }
}
