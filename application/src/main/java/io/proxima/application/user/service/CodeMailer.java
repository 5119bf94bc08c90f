package io.proxima.application.user.service;

import io.proxima.application.mail.port.out.Mailer;
import io.proxima.application.mail.port.out.OutgoingMail;
import io.proxima.application.shared.AfterCommit;
import io.proxima.application.user.port.out.OneTimeCodeRepository;
import io.proxima.domain.user.OneTimeCode;
import io.proxima.domain.user.User;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** Issues a mailed one-time code: replaces older ones, stores the hash, mails after commit. */
@ApplicationScoped
public class CodeMailer {

    public static final String VERIFICATION_TEMPLATE = "verification_code";
    public static final String RESET_TEMPLATE = "password_reset_code";
    public static final String EMAIL_CHANGE_TEMPLATE = "email_change_code";

    private final OneTimeCodeRepository codes;
    private final Mailer mailer;
    private final AfterCommit afterCommit;

    @Inject
    public CodeMailer(OneTimeCodeRepository codes, Mailer mailer, AfterCommit afterCommit) {
        this.codes = codes;
        this.mailer = mailer;
        this.afterCommit = afterCommit;
    }

    /** Sends a new code unless one was sent less than the resend interval ago; true when sent. */
    public boolean send(User user, OneTimeCode.Purpose purpose, Instant now, boolean respectResendInterval) {
        Optional<OneTimeCode> latest = codes.findLatest(user.id(), purpose);
        if (respectResendInterval && latest.isPresent() && latest.get().consumedAt() == null
                && !latest.get().mayResend(now)) {
            return false;
        }
        String template = purpose == OneTimeCode.Purpose.EMAIL_VERIFICATION ? VERIFICATION_TEMPLATE : RESET_TEMPLATE;
        issue(user, purpose, user.email(), template, now);
        return true;
    }

    /**
     * A code to the requested new address of an email change: the address becomes the account's
     * only when this code comes back, which proves that the owner reads it.
     */
    public void sendEmailChange(User user, String newAddress, Instant now) {
        issue(user, OneTimeCode.Purpose.EMAIL_CHANGE, newAddress, EMAIL_CHANGE_TEMPLATE, now);
    }

    /** A login code to the account's address, at most one per resend interval. */
    public void sendLoginCode(User user, Instant now) {
        Optional<OneTimeCode> latest = codes.findLatest(user.id(), OneTimeCode.Purpose.LOGIN);
        if (latest.isPresent() && latest.get().consumedAt() == null && !latest.get().mayResend(now)) {
            return;
        }
        issue(user, OneTimeCode.Purpose.LOGIN, user.email(), LoginThrottle.LOGIN_CODE_TEMPLATE, now);
    }

    /** A notice (no code) to any address of the user, in the user's language, after commit. */
    public void notify(User user, String to, String template, Map<String, String> params) {
        Map<String, String> all = new java.util.HashMap<>(params);
        all.putIfAbsent("username", user.username());
        OutgoingMail mail = new OutgoingMail(to, user.language().code(), template, all);
        afterCommit.run(() -> mailer.send(mail));
    }

    private void issue(User user, OneTimeCode.Purpose purpose, String to, String template, Instant now) {
        codes.consumeAll(user.id(), purpose, now);
        String code = RandomSecrets.sixDigits();
        codes.save(OneTimeCode.issue(user.id(), purpose, to, code, now));
        OutgoingMail mail = new OutgoingMail(to, user.language().code(), template, Map.of(
                "username", user.username(), "code", code,
                "minutes", Long.toString(OneTimeCode.LIFETIME.toMinutes())));
        afterCommit.run(() -> mailer.send(mail));
    }
}
