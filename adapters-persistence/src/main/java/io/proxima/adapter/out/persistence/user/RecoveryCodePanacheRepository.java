package io.proxima.adapter.out.persistence.user;

import io.proxima.application.user.port.out.RecoveryCodeRepository;
import io.proxima.domain.user.RecoveryCode;
import io.proxima.domain.user.UserId;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class RecoveryCodePanacheRepository implements RecoveryCodeRepository {

    @Override
    public void replaceAll(UserId userId, List<RecoveryCode> codes) {
        deleteAll(userId);
        for (RecoveryCode c : codes) {
            RecoveryCodeEntity e = new RecoveryCodeEntity();
            e.id = c.id();
            e.userId = userId.value();
            e.codeHash = c.codeHash();
            e.usedAt = c.usedAt();
            e.persist();
        }
    }

    @Override
    public List<RecoveryCode> findUnused(UserId userId) {
        return RecoveryCodeEntity.<RecoveryCodeEntity>list("userId = ?1 and usedAt is null", userId.value()).stream()
                .map(e -> new RecoveryCode(e.id, userId, e.codeHash, e.usedAt)).toList();
    }

    @Override
    public boolean markUsed(UUID id, Instant now) {
        return RecoveryCodeEntity.update("usedAt = ?1 where id = ?2 and usedAt is null", now, id) == 1;
    }

    @Override
    public void deleteAll(UserId userId) {
        RecoveryCodeEntity.delete("userId", userId.value());
    }
}
