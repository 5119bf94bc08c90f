package io.proxima.adapter.out.persistence.user;

import io.proxima.application.user.port.out.ApiKeyRepository;
import io.proxima.domain.user.ApiKey;
import io.proxima.domain.user.ApiKeyScope;
import io.proxima.domain.user.UserId;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

@ApplicationScoped
public class ApiKeyPanacheRepository implements ApiKeyRepository {

    @Override
    public void save(ApiKey k) {
        ApiKeyEntity e = ApiKeyEntity.findById(k.id());
        boolean fresh = e == null;
        if (fresh) {
            e = new ApiKeyEntity();
        }
        e.id = k.id();
        e.userId = k.userId().value();
        e.name = k.name();
        e.prefix = k.prefix();
        e.secretHash = k.secretHash();
        e.scopes = k.scopes().stream().map(ApiKeyScope::code).sorted().collect(Collectors.joining(","));
        e.allowedIps = String.join(",", k.allowedIps());
        e.expiresAt = k.expiresAt();
        e.enabled = k.enabled();
        e.createdAt = k.createdAt();
        e.lastUsedAt = k.lastUsedAt();
        if (fresh) {
            e.persist();
        }
    }

    @Override
    public Optional<ApiKey> findById(UUID id) {
        return ApiKeyEntity.<ApiKeyEntity>findByIdOptional(id).map(ApiKeyPanacheRepository::toDomain);
    }

    @Override
    public Optional<ApiKey> findByPrefix(String prefix) {
        return ApiKeyEntity.<ApiKeyEntity>find("prefix", prefix).firstResultOptional().map(ApiKeyPanacheRepository::toDomain);
    }

    @Override
    public List<ApiKey> findByUser(UserId userId) {
        return ApiKeyEntity.<ApiKeyEntity>list("userId", Sort.descending("createdAt"), userId.value()).stream()
                .map(ApiKeyPanacheRepository::toDomain).toList();
    }

    @Override
    public void delete(UUID id) {
        ApiKeyEntity.deleteById(id);
    }

    @Override
    public int disableAll(UserId userId) {
        return ApiKeyEntity.update("enabled = false where userId = ?1 and enabled = true", userId.value());
    }

    static ApiKey toDomain(ApiKeyEntity e) {
        return new ApiKey(e.id, new UserId(e.userId), e.name, e.prefix, e.secretHash,
                Arrays.stream(e.scopes.split(",")).filter(s -> !s.isBlank()).map(s -> ApiKeyScope.fromCode("scopes", s))
                        .collect(Collectors.toSet()),
                e.expiresAt, e.allowedIps.isBlank() ? List.of() : List.of(e.allowedIps.split(",")), e.enabled, e.createdAt,
                e.lastUsedAt);
    }
}
