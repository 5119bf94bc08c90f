package io.proxima.adapter.in.rest.account;

import io.proxima.domain.user.ApiKey;
import io.proxima.domain.user.ApiKeyScope;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An API key as listed: never the secret. */
@Schema(name = "ApiKey")
public record ApiKeyResponse(UUID id, String name, String prefix, List<String> scopes, Instant expiresAt,
                             List<String> allowedIps, boolean enabled, Instant createdAt, Instant lastUsedAt) {

    public static ApiKeyResponse from(ApiKey k) {
        return new ApiKeyResponse(k.id(), k.name(), k.prefix(), k.scopes().stream().map(ApiKeyScope::code).sorted().toList(),
                k.expiresAt(), k.allowedIps(), k.enabled(), k.createdAt(), k.lastUsedAt());
    }

    /** The creation response: the only time {@code key} (the secret) is shown. */
    @Schema(name = "CreatedApiKey")
    public record Created(UUID id, String name, String key, String prefix, List<String> scopes, Instant expiresAt,
                          List<String> allowedIps, boolean enabled, Instant createdAt) {

        public static Created from(ApiKey k, String secret) {
            return new Created(k.id(), k.name(), secret, k.prefix(), k.scopes().stream().map(ApiKeyScope::code).sorted().toList(),
                    k.expiresAt(), k.allowedIps(), k.enabled(), k.createdAt());
        }
    }
}
