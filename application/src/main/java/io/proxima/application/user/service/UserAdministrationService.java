package io.proxima.application.user.service;

import io.proxima.application.audit.AuditEvent;
import io.proxima.application.audit.port.in.AuditLog;
import io.proxima.application.shared.Page;
import io.proxima.application.shared.PageRequest;
import io.proxima.application.user.port.in.AuthenticatedPrincipal;
import io.proxima.application.user.port.in.UserAdministrationUseCase;
import io.proxima.application.user.port.in.UserSearch;
import io.proxima.application.user.port.out.ApiKeyRepository;
import io.proxima.application.user.port.out.PasswordHasher;
import io.proxima.application.user.port.out.UserRepository;
import io.proxima.application.user.port.out.UserResources;
import io.proxima.domain.shared.ConflictException;
import io.proxima.domain.shared.NotFoundException;
import io.proxima.domain.shared.StateConflictException;
import io.proxima.domain.shared.ValidationException;
import io.proxima.domain.user.Language;
import io.proxima.domain.user.Role;
import io.proxima.domain.user.User;
import io.proxima.domain.user.UserId;
import io.proxima.domain.user.UserNames;
import io.proxima.domain.user.UserStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

@ApplicationScoped
@Transactional
public class UserAdministrationService implements UserAdministrationUseCase {

    private final UserRepository users;
    private final ApiKeyRepository keys;
    private final RegistrationService registration;
    private final PasswordHasher hasher;
    private final Sessions sessions;
    private final AuditLog audit;
    private final Clock clock;

    private final UserResources resources;

    @Inject
    public UserAdministrationService(UserRepository users, ApiKeyRepository keys, RegistrationService registration,
                                     PasswordHasher hasher, Sessions sessions, AuditLog audit, Clock clock,
                                     UserResources resources) {
        this.resources = resources;
        this.users = users;
        this.keys = keys;
        this.registration = registration;
        this.hasher = hasher;
        this.sessions = sessions;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public Page<User> list(UserSearch search, PageRequest page) {
        return users.search(search, page);
    }

    @Override
    public User get(AuthenticatedPrincipal viewer, UserId id) {
        if (viewer.effectiveRole() != Role.ADMIN && !viewer.userId().equals(id)) {
            throw new NotFoundException("User", id);
        }
        return load(id);
    }

    @Override
    public User create(UserId adminId, CreateUserCommand c) {
        Role role = c.role() == null ? Role.USER : Role.fromCode("role", c.role());
        UserStatus status = c.status() == null ? UserStatus.ACTIVE : UserStatus.fromCode("status", c.status());
        if (status == UserStatus.DELETED) {
            throw ValidationException.of("status", "validation.user_status.create", "must be active, disabled or pending_verification");
        }
        Language language = registration.checkNewAccount(c.username(), c.email(), c.password(), c.language());
        Instant now = clock.instant();
        User user = User.register(UserId.random(), c.username().trim(), c.email(), c.phone(), language,
                hasher.hash(c.password()), role, status == UserStatus.PENDING_VERIFICATION, now);
        if (status == UserStatus.DISABLED) {
            user.changeStatus(UserStatus.DISABLED, now);
        }
        users.save(user);
        audit.record(AuditEvent.of("user.create", "user", user.id()).detail("role", role.code())
                .detail("status", user.status().code()));
        return user;
    }

    @Override
    public User update(UserId adminId, UserId id, UpdateUserCommand c) {
        User user = load(id);
        Instant now = clock.instant();
        Role role = c.role() == null ? null : Role.fromCode("role", c.role());
        UserStatus status = c.status() == null ? null : UserStatus.fromCode("status", c.status());
        Language language = c.language() == null ? null : Language.fromCode("language", c.language());
        if (adminId.equals(id) && ((role != null && role != Role.ADMIN) || (status != null && status != UserStatus.ACTIVE))) {
            throw selfLockout();
        }
        List<String> changed = new ArrayList<>();
        if (c.username() != null && !c.username().trim().equals(user.username())) {
            if (users.usernameTaken(c.username().trim(), user.id())) {
                throw new ConflictException("error.username_taken", "The username is already taken");
            }
            changed.add("username");
        }
        if (c.email() != null && !UserNames.canonicalEmail(c.email()).equals(user.email())) {
            if (users.emailTaken(UserNames.canonicalEmail(c.email()), user.id())) {
                throw new ConflictException("error.email_taken", "The email address is already registered");
            }
            user.changeEmailByAdmin(c.email(), now);
            changed.add("email");
        }
        user.updateProfile(c.username() == null ? null : c.username().trim(), null, c.phone(), language, null, now);
        if (c.phone() != null) {
            changed.add("phone");
        }
        if (language != null) {
            changed.add("language");
        }
        boolean revoke = false;
        if (role != null && role != user.role()) {
            user.changeRole(role, now);
            changed.add("role");
            revoke = true; // tokens carry the role: make the user log in again
        }
        if (status != null && status != user.status()) {
            if (status == UserStatus.DELETED) {
                throw ValidationException.of("status", "validation.user_status.update", "use DELETE to delete a user");
            }
            user.changeStatus(status, now);
            changed.add("status");
            revoke |= status != UserStatus.ACTIVE;
        }
        users.save(user);
        sessions.forgetCachedChecks();
        if (revoke) {
            revokeAccess(user, "account_changed", now, status == UserStatus.DISABLED);
        }
        audit.record(AuditEvent.of("user.update", "user", user.id()).detail("changed", changed));
        return user;
    }

    @Override
    public User changeStatus(UserId adminId, UserId id, String statusCode) {
        UserStatus status = UserStatus.fromCode("status", statusCode);
        if (status != UserStatus.ACTIVE && status != UserStatus.DISABLED) {
            throw ValidationException.of("status", "validation.user_status.switch", "must be active or disabled");
        }
        if (adminId.equals(id)) {
            throw selfLockout();
        }
        User user = load(id);
        Instant now = clock.instant();
        UserStatus before = user.status();
        user.changeStatus(status, now);
        users.save(user);
        if (status == UserStatus.DISABLED) {
            revokeAccess(user, "account_disabled", now, true);
        }
        audit.record(AuditEvent.of("user.status_change", "user", user.id()).detail("from", before.code())
                .detail("to", status.code()));
        return user;
    }

    @Override
    public void delete(UserId adminId, UserId id, boolean force) {
        if (adminId.equals(id)) {
            throw selfLockout();
        }
        User user = load(id);
        long vms = resources.activeVmCount(id.value());
        if (vms > 0 && !force) {
            throw new io.proxima.domain.shared.ConflictException("error.user.has_vms",
                    "The user still has " + vms + " VMs; delete them first or use force=true", vms);
        }
        if (vms > 0) {
            resources.terminateAll(id.value());
        }
        Instant now = clock.instant();
        user.delete(now);
        users.save(user);
        revokeAccess(user, "account_deleted", now, true);
        audit.record(AuditEvent.of("user.delete", "user", user.id()).detail("username", user.username())
                .detail("terminated_vms", vms));
    }

    private void revokeAccess(User user, String reason, Instant now, boolean keysToo) {
        int families = sessions.revokeAll(user.id(), null, reason, now);
        int disabledKeys = keysToo ? keys.disableAll(user.id()) : 0;
        sessions.forgetCachedChecks();
        audit.record(AuditEvent.of("auth.session_revoked", "user", user.id()).detail("reason", reason)
                .detail("sessions", families).detail("api_keys_disabled", disabledKeys));
    }

    private User load(UserId id) {
        return users.findById(id).orElseThrow(() -> new NotFoundException("User", id));
    }

    private static StateConflictException selfLockout() {
        return new StateConflictException("error.user.self", "administrators cannot demote, disable or delete themselves", null);
    }
}
