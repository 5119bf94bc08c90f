package io.proxima.application.user.port.in;

import io.proxima.domain.shared.ValidationException;
import io.proxima.domain.user.Role;
import io.proxima.domain.user.UserStatus;
import java.util.Set;

/**
 * Filters and order of the admin user list. {@code search} matches username or email, ignoring
 * case; {@code sort} is a field name, {@code -} first for descending (default {@code -created_at}).
 */
public record UserSearch(Role role, UserStatus status, String search, String sort) {

    public static final Set<String> SORTABLE = Set.of("created_at", "username", "email", "last_login_at", "role", "status");

    public UserSearch {
        if (sort == null || sort.isBlank()) {
            sort = "-created_at";
        }
        String field = sort.startsWith("-") ? sort.substring(1) : sort;
        if (!SORTABLE.contains(field)) {
            throw ValidationException.of("sort", "validation.sort", "must be one of " + String.join(", ", SORTABLE.stream().sorted().toList()),
                    String.join(", ", SORTABLE.stream().sorted().toList()));
        }
        if (search != null && (search.isBlank() || search.length() > 100)) {
            search = search.isBlank() ? null : search.substring(0, 100);
        }
    }

    public String sortField() {
        return sort.startsWith("-") ? sort.substring(1) : sort;
    }

    public boolean descending() {
        return sort.startsWith("-");
    }
}
