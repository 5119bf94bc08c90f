package io.proxima.application.user.port.in;

import io.proxima.domain.user.ApiKey;
import io.proxima.domain.user.UserId;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A user's API keys (seed 004). Other users' keys are "not found". */
public interface ApiKeyUseCase {

    record CreateApiKeyCommand(UserId owner, String name, List<String> scopes, Instant expiresAt,
                               List<String> allowedIps) {
    }

    record CreatedApiKey(ApiKey key, String secret) {
    }

    List<ApiKey> list(UserId owner);

    CreatedApiKey create(CreateApiKeyCommand command);

    /** Null fields are left unchanged. */
    ApiKey update(UserId owner, UUID keyId, String name, Boolean enabled);

    void revoke(UserId owner, UUID keyId);
}
