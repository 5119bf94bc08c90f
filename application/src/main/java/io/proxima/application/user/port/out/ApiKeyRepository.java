package io.proxima.application.user.port.out;

import io.proxima.domain.user.ApiKey;
import io.proxima.domain.user.UserId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** API keys (not revoked ones: revoking deletes). */
public interface ApiKeyRepository {

    void save(ApiKey key);

    Optional<ApiKey> findById(UUID id);

    Optional<ApiKey> findByPrefix(String prefix);

    List<ApiKey> findByUser(UserId userId);

    void delete(UUID id);

    /** Disables every key of the user; returns how many were enabled. */
    int disableAll(UserId userId);
}
