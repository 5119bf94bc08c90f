package io.proxima.adapter.out.persistence.user;

import io.proxima.application.user.port.out.OneTimeCodeRepository;
import io.proxima.domain.user.OneTimeCode;
import io.proxima.domain.user.UserId;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

@ApplicationScoped
public class OneTimeCodePanacheRepository implements OneTimeCodeRepository {

    @Override
    public void save(OneTimeCode c) {
        OneTimeCodeEntity e = OneTimeCodeEntity.findById(c.id());
        boolean fresh = e == null;
        if (fresh) {
            e = new OneTimeCodeEntity();
        }
        e.id = c.id();
        e.userId = c.userId().value();
        e.purpose = c.purpose().name().toLowerCase(Locale.ROOT);
        e.email = c.email();
        e.codeHash = c.codeHash();
        e.attempts = c.attempts();
        e.createdAt = c.createdAt();
        e.expiresAt = c.expiresAt();
        e.consumedAt = c.consumedAt();
        if (fresh) {
            e.persist();
        }
    }

    @Override
    public Optional<OneTimeCode> findLatest(UserId userId, OneTimeCode.Purpose purpose) {
        return OneTimeCodeEntity.<OneTimeCodeEntity>find("userId = ?1 and purpose = ?2",
                        Sort.descending("createdAt"), userId.value(), purpose.name().toLowerCase(Locale.ROOT))
                .firstResultOptional()
                .map(e -> new OneTimeCode(e.id, new UserId(e.userId), purpose, e.email, e.codeHash, e.createdAt,
                        e.expiresAt, e.attempts, e.consumedAt));
    }

    @Override
    public void consumeAll(UserId userId, OneTimeCode.Purpose purpose, Instant now) {
        OneTimeCodeEntity.update("consumedAt = ?1 where userId = ?2 and purpose = ?3 and consumedAt is null",
                now, userId.value(), purpose.name().toLowerCase(Locale.ROOT));
    }
}
