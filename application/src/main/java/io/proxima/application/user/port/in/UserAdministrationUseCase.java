package io.proxima.application.user.port.in;

import io.proxima.application.shared.Page;
import io.proxima.application.shared.PageRequest;
import io.proxima.domain.user.User;
import io.proxima.domain.user.UserId;

/** Administrators manage accounts; everyone may read their own. */
public interface UserAdministrationUseCase {

    record CreateUserCommand(String username, String email, String password, String role, String status,
                             String phone, String language) {
    }

    /** Null fields are left unchanged. */
    record UpdateUserCommand(String username, String email, String role, String status, String phone,
                             String language) {
    }

    Page<User> list(UserSearch search, PageRequest page);

    /** Admins see anyone; others only themselves (anyone else is "not found"). */
    User get(AuthenticatedPrincipal viewer, UserId id);

    User create(UserId adminId, CreateUserCommand command);

    User update(UserId adminId, UserId id, UpdateUserCommand command);

    /** Active or disabled; disabling revokes sessions and API keys at once. */
    User changeStatus(UserId adminId, UserId id, String status);

    /** Soft delete: revokes everything; the username and email stay reserved. */
    /** Soft delete; refused (409) while the user has VMs unless {@code force}, which terminates them. */
    void delete(UserId adminId, UserId id, boolean force);
}
