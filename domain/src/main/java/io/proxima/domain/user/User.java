package io.proxima.domain.user;

import io.proxima.domain.shared.FieldError;
import io.proxima.domain.shared.StateConflictException;
import io.proxima.domain.shared.ValidationException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A user account: credentials, role, status, second factor and login throttling. Changes go
 * through methods that keep the account consistent; there are no free setters.
 */
public final class User {

    private final UserId id;
    private String username;
    private String email;
    private String phone;
    private String passwordHash;
    private Role role;
    private UserStatus status;
    private Language language;
    private String avatar;
    private boolean emailVerified;
    private String totpSecret;
    private boolean totpEnabled;
    private long totpLastStep;
    private int failedLogins;
    private Instant lockedUntil;
    private Instant lastLoginAt;
    private final Instant createdAt;
    private Instant updatedAt;
    private final long version;

    private User(UserId id, String username, String email, String phone, String passwordHash, Role role,
                 UserStatus status, Language language, String avatar, boolean emailVerified, String totpSecret,
                 boolean totpEnabled, long totpLastStep, int failedLogins, Instant lockedUntil, Instant lastLoginAt,
                 Instant createdAt, Instant updatedAt, long version) {
        this.id = Objects.requireNonNull(id, "id");
        this.username = Objects.requireNonNull(username, "username");
        this.email = Objects.requireNonNull(email, "email");
        this.phone = phone;
        this.passwordHash = Objects.requireNonNull(passwordHash, "passwordHash");
        this.role = Objects.requireNonNull(role, "role");
        this.status = Objects.requireNonNull(status, "status");
        this.language = language == null ? Language.EN : language;
        this.avatar = avatar;
        this.emailVerified = emailVerified;
        this.totpSecret = totpSecret;
        this.totpEnabled = totpEnabled;
        this.totpLastStep = totpLastStep;
        this.failedLogins = failedLogins;
        this.lockedUntil = lockedUntil;
        this.lastLoginAt = lastLoginAt;
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
        this.updatedAt = Objects.requireNonNull(updatedAt, "updatedAt");
        this.version = version;
    }

    /**
     * A new account. Shapes of username and email are checked here; the password policy is
     * checked by the caller on the plain password before hashing.
     */
    public static User register(UserId id, String username, String email, String phone, Language language,
                                String passwordHash, Role role, boolean verificationRequired, Instant now) {
        List<FieldError> errors = new ArrayList<>(UserNames.check(username, email));
        phoneError(phone).ifPresent(errors::add);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        UserStatus status = verificationRequired ? UserStatus.PENDING_VERIFICATION : UserStatus.ACTIVE;
        return new User(id, username, UserNames.canonicalEmail(email), blankToNull(phone), passwordHash, role, status,
                language, null, !verificationRequired, null, false, 0, 0, null, null, now, now, 0);
    }

    public static User reconstitute(UserId id, String username, String email, String phone, String passwordHash,
                                    Role role, UserStatus status, Language language, String avatar,
                                    boolean emailVerified, String totpSecret, boolean totpEnabled, long totpLastStep,
                                    int failedLogins, Instant lockedUntil, Instant lastLoginAt, Instant createdAt,
                                    Instant updatedAt, long version) {
        return new User(id, username, email, phone, passwordHash, role, status, language, avatar, emailVerified,
                totpSecret, totpEnabled, totpLastStep, failedLogins, lockedUntil, lastLoginAt, createdAt, updatedAt,
                version);
    }

    // --- login ------------------------------------------------------------------------------

    public boolean isLocked(Instant now) {
        return lockedUntil != null && now.isBefore(lockedUntil);
    }

    /** May this account receive tokens at all? Deleted accounts behave as if they did not exist. */
    public boolean canAuthenticate() {
        return status == UserStatus.ACTIVE;
    }

    public boolean isDeleted() {
        return status == UserStatus.DELETED;
    }

    public void recordFailedLogin(Instant now, LockoutPolicy policy) {
        failedLogins++;
        Instant until = policy.lockedUntil(failedLogins, now);
        if (until != null) {
            lockedUntil = until;
        }
        updatedAt = now;
    }

    public void recordSuccessfulLogin(Instant now) {
        failedLogins = 0;
        lockedUntil = null;
        lastLoginAt = now;
        updatedAt = now;
    }

    /** Replaces the stored hash with one of the same password under newer parameters. */
    public void rehashPassword(String newHash) {
        this.passwordHash = Objects.requireNonNull(newHash);
    }

    public void changePassword(String newHash, Instant now) {
        this.passwordHash = Objects.requireNonNull(newHash);
        this.failedLogins = 0;
        this.lockedUntil = null;
        this.updatedAt = now;
    }

    // --- verification -----------------------------------------------------------------------

    public void markEmailVerified(Instant now) {
        emailVerified = true;
        if (status == UserStatus.PENDING_VERIFICATION) {
            status = UserStatus.ACTIVE;
        }
        updatedAt = now;
    }

    // --- profile and administration ---------------------------------------------------------

    /**
     * The owner edits the profile. Returns true when the email changed, which makes it unverified
     * until the new address is confirmed by a code.
     */
    public boolean updateProfile(String newUsername, String newEmail, String newPhone, Language newLanguage,
                                 String newAvatar, Instant now) {
        List<FieldError> errors = new ArrayList<>();
        if (newUsername != null) {
            UserNames.usernameError("username", newUsername).ifPresent(errors::add);
        }
        if (newEmail != null) {
            UserNames.emailError("email", newEmail).ifPresent(errors::add);
        }
        if (newPhone != null) {
            phoneError(newPhone).ifPresent(errors::add);
        }
        if (newAvatar != null) {
            AvatarUrl.error("avatar", newAvatar).ifPresent(errors::add);
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        if (newUsername != null) {
            username = newUsername;
        }
        boolean emailChanged = false;
        if (newEmail != null && !UserNames.canonicalEmail(newEmail).equals(email)) {
            email = UserNames.canonicalEmail(newEmail);
            emailVerified = false;
            emailChanged = true;
        }
        if (newPhone != null) {
            phone = blankToNull(newPhone);
        }
        if (newLanguage != null) {
            language = newLanguage;
        }
        if (newAvatar != null) {
            avatar = blankToNull(newAvatar);
        }
        updatedAt = now;
        return emailChanged;
    }

    /**
     * The owner proved the new address by a code mailed to it: from now on it is the login and
     * recovery address.
     */
    public void confirmEmailChange(String newEmail, Instant now) {
        UserNames.emailError("email", newEmail).ifPresent(e -> {
            throw new ValidationException(List.of(e));
        });
        email = UserNames.canonicalEmail(newEmail);
        emailVerified = true;
        updatedAt = now;
    }

    /** Undo of a contact change: the previous (verified) address and phone come back. */
    public void restoreContact(String previousEmail, String previousPhone, Instant now) {
        requireNotDeleted();
        email = UserNames.canonicalEmail(Objects.requireNonNull(previousEmail));
        emailVerified = true;
        phone = blankToNull(previousPhone);
        updatedAt = now;
    }

    /** An administrator changes the role. */
    public void changeRole(Role newRole, Instant now) {
        requireNotDeleted();
        role = Objects.requireNonNull(newRole);
        updatedAt = now;
    }

    /** An administrator sets the email directly: it counts as verified. */
    public void changeEmailByAdmin(String newEmail, Instant now) {
        UserNames.emailError("email", newEmail).ifPresent(e -> {
            throw new ValidationException(List.of(e));
        });
        email = UserNames.canonicalEmail(newEmail);
        emailVerified = true;
        updatedAt = now;
    }

    /**
     * Active or disabled, by an administrator. Enabling a pending account also verifies it; a
     * deleted account cannot come back this way.
     */
    public void changeStatus(UserStatus newStatus, Instant now) {
        requireNotDeleted();
        if (newStatus == UserStatus.DELETED) {
            delete(now);
            return;
        }
        if (newStatus == UserStatus.ACTIVE) {
            emailVerified = true;
            failedLogins = 0;
            lockedUntil = null;
        }
        status = newStatus;
        updatedAt = now;
    }

    /** Soft delete: the row stays, so the username and email remain reserved. */
    public void delete(Instant now) {
        requireNotDeleted();
        status = UserStatus.DELETED;
        totpEnabled = false;
        totpSecret = null;
        updatedAt = now;
    }

    private void requireNotDeleted() {
        if (status == UserStatus.DELETED) {
            throw new StateConflictException("error.user.deleted", "the user is deleted", UserStatus.DELETED.code());
        }
    }

    // --- two-factor -------------------------------------------------------------------------

    /** Stores a new, not yet confirmed secret (encrypted by the caller). Refused while 2FA is on. */
    public void beginTotpSetup(String encryptedSecret, Instant now) {
        if (totpEnabled) {
            throw new StateConflictException("error.totp.already_enabled", "two-factor authentication is already enabled", "enabled");
        }
        totpSecret = Objects.requireNonNull(encryptedSecret);
        totpLastStep = 0;
        updatedAt = now;
    }

    public void confirmTotp(long step, Instant now) {
        if (totpEnabled) {
            throw new StateConflictException("error.totp.already_enabled", "two-factor authentication is already enabled", "enabled");
        }
        if (totpSecret == null) {
            throw new StateConflictException("error.totp.not_set_up", "two-factor authentication has not been set up", "disabled");
        }
        totpEnabled = true;
        totpLastStep = step;
        updatedAt = now;
    }

    public void disableTotp(Instant now) {
        if (!totpEnabled) {
            throw new StateConflictException("error.totp.not_enabled", "two-factor authentication is not enabled", "disabled");
        }
        totpEnabled = false;
        totpSecret = null;
        totpLastStep = 0;
        updatedAt = now;
    }

    /**
     * Accepts a TOTP code's time step unless that step (or an earlier one) was already used:
     * a code seen once cannot be replayed within its validity window.
     */
    public boolean acceptTotpStep(long step) {
        if (step <= totpLastStep) {
            return false;
        }
        totpLastStep = step;
        return true;
    }

    private static java.util.Optional<FieldError> phoneError(String phone) {
        if (phone != null && !phone.isBlank() && !phone.matches("\\+?[0-9 ()-]{5,20}")) {
            return java.util.Optional.of(FieldError.of("phone", "validation.phone", "must be a phone number"));
        }
        return java.util.Optional.empty();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    // --- read access ------------------------------------------------------------------------

    public UserId id() { return id; }
    public String username() { return username; }
    public String email() { return email; }
    public String phone() { return phone; }
    public String passwordHash() { return passwordHash; }
    public Role role() { return role; }
    public UserStatus status() { return status; }
    public Language language() { return language; }
    public String avatar() { return avatar; }
    public boolean emailVerified() { return emailVerified; }
    public String totpSecret() { return totpSecret; }
    public boolean totpEnabled() { return totpEnabled; }
    public long totpLastStep() { return totpLastStep; }
    public int failedLogins() { return failedLogins; }
    public Instant lockedUntil() { return lockedUntil; }
    public Instant lastLoginAt() { return lastLoginAt; }
    public Instant createdAt() { return createdAt; }
    public Instant updatedAt() { return updatedAt; }
    public long version() { return version; }
}
