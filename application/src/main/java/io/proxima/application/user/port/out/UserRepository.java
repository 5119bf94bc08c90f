package io.proxima.application.user.port.out;

import io.proxima.application.shared.Page;
import io.proxima.application.shared.PageRequest;
import io.proxima.application.user.port.in.UserSearch;
import io.proxima.domain.user.User;
import io.proxima.domain.user.UserId;
import java.util.Optional;

/** The user aggregate's store. Lookups by name or email ignore case and include deleted accounts. */
public interface UserRepository {

    Optional<User> findById(UserId id);

    /** By username or email, whichever {@code login} matches. */
    Optional<User> findByLogin(String login);

    Optional<User> findByEmail(String email);

    /** Taken by any account but {@code except} (may be null), deleted ones included. */
    boolean usernameTaken(String username, UserId except);

    boolean emailTaken(String email, UserId except);

    /** Inserts or updates; a concurrent change of the same account fails with a conflict. */
    void save(User user);

    /**
     * Writes only what a login attempt changes (failure counter, lock, last login, rehashed
     * password, last TOTP step), without the optimistic version check: concurrent logins of one
     * account must not fail each other.
     */
    void saveLoginState(User user);

    boolean activeAdminExists();

    /** Serialises first-admin creation across instances until the transaction ends. */
    void lockAdminBootstrap();

    Page<User> search(UserSearch search, PageRequest page);
}
