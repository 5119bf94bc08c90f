package io.proxima.adapter.out.persistence.user;

import io.proxima.application.shared.Page;
import io.proxima.application.shared.PageRequest;
import io.proxima.application.user.port.in.UserSearch;
import io.proxima.application.user.port.out.UserRepository;
import io.proxima.domain.shared.ConflictException;
import io.proxima.domain.user.User;
import io.proxima.domain.user.UserId;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;

@ApplicationScoped
public class UserPanacheRepository implements UserRepository {

    private static final Map<String, String> SORT_COLUMNS = Map.of("created_at", "createdAt", "username", "username",
            "email", "email", "last_login_at", "lastLoginAt", "role", "role", "status", "status");

    @Override
    public Optional<User> findById(UserId id) {
        return UserEntity.<UserEntity>findByIdOptional(id.value()).map(UserEntityMapper::toDomain);
    }

    @Override
    public Optional<User> findByLogin(String login) {
        return UserEntity.<UserEntity>find("lower(username) = ?1 or lower(email) = ?1", login.toLowerCase(Locale.ROOT))
                .firstResultOptional().map(UserEntityMapper::toDomain);
    }

    @Override
    public Optional<User> findByEmail(String email) {
        if (email == null) {
            return Optional.empty();
        }
        return UserEntity.<UserEntity>find("lower(email) = ?1", email.toLowerCase(Locale.ROOT))
                .firstResultOptional().map(UserEntityMapper::toDomain);
    }

    @Override
    public boolean usernameTaken(String username, UserId except) {
        return taken("username", username, except);
    }

    @Override
    public boolean emailTaken(String email, UserId except) {
        return taken("email", email, except);
    }

    private boolean taken(String column, String value, UserId except) {
        if (value == null) {
            return false;
        }
        String v = value.toLowerCase(Locale.ROOT);
        return except == null
                ? UserEntity.count("lower(" + column + ") = ?1", v) > 0
                : UserEntity.count("lower(" + column + ") = ?1 and id <> ?2", v, except.value()) > 0;
    }

    @Override
    public void save(User user) {
        UserEntity entity = UserEntity.findById(user.id().value());
        boolean fresh = entity == null;
        if (fresh) {
            entity = new UserEntity();
        }
        UserEntityMapper.copy(user, entity);
        try {
            if (fresh) {
                entity.persist();
            }
            UserEntity.getEntityManager().flush();
        } catch (OptimisticLockException e) {
            throw new ConflictException("error.stale_version", "the account was changed concurrently; try again", "User");
        } catch (PersistenceException e) {
            if (isUniqueViolation(e)) {
                throw new ConflictException("error.user_taken", "The username or email is already taken");
            }
            throw e;
        }
    }

    static boolean isUniqueViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLException sql && "23505".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void saveLoginState(User user) {
        // A bulk HQL update: typed by the entity's attributes and not versioned.
        UserEntity.update("failedLogins = ?1, lockedUntil = ?2, lastLoginAt = ?3, passwordHash = ?4, totpLastStep = ?5"
                        + " where id = ?6", user.failedLogins(), user.lockedUntil(), user.lastLoginAt(),
                user.passwordHash(), user.totpLastStep(), user.id().value());
    }

    @Override
    public boolean activeAdminExists() {
        return UserEntity.count("role = 'admin' and status <> 'deleted'") > 0;
    }

    @Override
    public void lockAdminBootstrap() {
        // A transaction-scoped advisory lock: released by commit or rollback, held by one instance at a time.
        UserEntity.getEntityManager().createNativeQuery("SELECT pg_advisory_xact_lock(7204418810341)").getSingleResult();
    }

    @Override
    public Page<User> search(UserSearch search, PageRequest page) {
        StringJoiner where = new StringJoiner(" and ");
        Map<String, Object> params = new HashMap<>();
        if (search.role() != null) {
            where.add("role = :role");
            params.put("role", search.role().code());
        }
        if (search.status() != null) {
            where.add("status = :status");
            params.put("status", search.status().code());
        }
        if (search.search() != null) {
            where.add("(lower(username) like :q escape '\\' or lower(email) like :q escape '\\')");
            params.put("q", "%" + escapeLike(search.search().toLowerCase(Locale.ROOT)) + "%");
        }
        String column = SORT_COLUMNS.get(search.sortField());
        Sort sort = search.descending() ? Sort.descending(column) : Sort.ascending(column);
        sort = sort.and("id");
        String query = where.length() == 0 ? "" : where.toString();
        PanacheQuery<UserEntity> q = query.isEmpty() ? UserEntity.findAll(sort) : UserEntity.find(query, sort, params);
        long total = q.count();
        var items = q.page(io.quarkus.panache.common.Page.of(page.page() - 1, page.perPage())).list().stream()
                .map(UserEntityMapper::toDomain).toList();
        return new Page<>(items, page, total);
    }

    private static String escapeLike(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
