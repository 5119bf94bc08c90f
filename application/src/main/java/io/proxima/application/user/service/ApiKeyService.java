package io.proxima.application.user.service;

import io.proxima.application.audit.AuditEvent;
import io.proxima.application.audit.port.in.AuditLog;
import io.proxima.application.user.port.in.ApiKeyUseCase;
import io.proxima.application.user.port.out.ApiKeyRepository;
import io.proxima.application.user.port.out.UserRepository;
import io.proxima.domain.shared.FieldError;
import io.proxima.domain.shared.NotFoundException;
import io.proxima.domain.shared.ValidationException;
import io.proxima.domain.user.ApiKey;
import io.proxima.domain.user.ApiKeyScope;
import io.proxima.domain.user.User;
import io.proxima.domain.user.UserId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

@ApplicationScoped
@Transactional
public class ApiKeyService implements ApiKeyUseCase {

    public static final int MAX_KEYS_PER_USER = 50;

    private final ApiKeyRepository keys;
    private final UserRepository users;
    private final Sessions sessions;
    private final AuditLog audit;
    private final Clock clock;

    @Inject
    public ApiKeyService(ApiKeyRepository keys, UserRepository users, Sessions sessions, AuditLog audit, Clock clock) {
        this.keys = keys;
        this.users = users;
        this.sessions = sessions;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public List<ApiKey> list(UserId owner) {
        return keys.findByUser(owner);
    }

    @Override
    public CreatedApiKey create(CreateApiKeyCommand c) {
        User owner = users.findById(c.owner()).orElseThrow(() -> new NotFoundException("User", c.owner()));
        Set<ApiKeyScope> scopes = EnumSet.noneOf(ApiKeyScope.class);
        List<FieldError> errors = new ArrayList<>();
        List<String> raw = c.scopes() == null ? List.of() : c.scopes();
        for (int i = 0; i < raw.size(); i++) {
            try {
                scopes.add(ApiKeyScope.fromCode("scopes[" + i + "]", raw.get(i)));
            } catch (ValidationException e) {
                errors.addAll(e.fieldErrors());
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        if (keys.findByUser(owner.id()).size() >= MAX_KEYS_PER_USER) {
            throw ValidationException.of("name", "validation.api_keys.too_many",
                    "at most " + MAX_KEYS_PER_USER + " keys per account", MAX_KEYS_PER_USER);
        }
        Instant now = clock.instant();
        String prefix = AuthenticationService.API_KEY_MARK + RandomSecrets.base32(8);
        String secret = prefix + "_" + RandomSecrets.token(32);
        ApiKey key = ApiKey.create(owner, c.name(), scopes, c.expiresAt(), c.allowedIps(), prefix, secret, now);
        keys.save(key);
        audit.record(AuditEvent.of("api_key.create", "api_key", key.id()).detail("name", key.name())
                .detail("scopes", key.scopes().stream().map(ApiKeyScope::code).sorted().toList()));
        return new CreatedApiKey(key, secret);
    }

    @Override
    public ApiKey update(UserId owner, UUID keyId, String name, Boolean enabled) {
        ApiKey key = owned(owner, keyId);
        if (name != null) {
            key.rename(name);
        }
        if (enabled != null) {
            key.setEnabled(enabled);
        }
        keys.save(key);
        sessions.forgetCachedChecks();
        audit.record(AuditEvent.of("api_key.update", "api_key", key.id()).detail("enabled", key.enabled())
                .detail("name", key.name()));
        return key;
    }

    @Override
    public void revoke(UserId owner, UUID keyId) {
        ApiKey key = owned(owner, keyId);
        keys.delete(key.id());
        sessions.forgetCachedChecks();
        audit.record(AuditEvent.of("api_key.revoke", "api_key", key.id()).detail("name", key.name()));
    }

    private ApiKey owned(UserId owner, UUID keyId) {
        return keys.findById(keyId).filter(k -> k.userId().equals(owner))
                .orElseThrow(() -> new NotFoundException("API key", keyId));
    }
}
