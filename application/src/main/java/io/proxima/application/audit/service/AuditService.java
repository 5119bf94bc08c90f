package io.proxima.application.audit.service;

import io.proxima.application.audit.AuditEvent;
import io.proxima.application.audit.AuditFilter;
import io.proxima.application.audit.AuditRecord;
import io.proxima.application.audit.port.in.AuditLog;
import io.proxima.application.audit.port.in.AuditQueryUseCase;
import io.proxima.application.audit.port.out.AuditRepository;
import io.proxima.application.audit.port.out.CallerContext;
import io.proxima.application.shared.Page;
import io.proxima.application.shared.PageRequest;
import io.proxima.domain.shared.ValidationException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class AuditService implements AuditLog, AuditQueryUseCase {

    public static final int MAX_LIMIT = 200;

    private final AuditRepository repository;
    private final CallerContext caller;
    private final Clock clock;

    @Inject
    public AuditService(AuditRepository repository, CallerContext caller, Clock clock) {
        this.repository = repository;
        this.caller = caller;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void record(AuditEvent event) {
        repository.append(toRecord(event));
    }

    @Override
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void recordSeparately(AuditEvent event) {
        repository.append(toRecord(event));
    }

    @Override
    @Transactional
    public List<AuditRecord> ownRecords(UUID userId, int limit, int offset) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw ValidationException.of("limit", "validation.range", "must be between 1 and " + MAX_LIMIT, 1, MAX_LIMIT);
        }
        if (offset < 0) {
            throw ValidationException.of("offset", "validation.non_negative", "must be 0 or greater");
        }
        return repository.findByUser(userId, limit, offset);
    }

    @Override
    @Transactional
    public Page<AuditRecord> search(AuditFilter filter, PageRequest page) {
        if (filter.from() != null && filter.to() != null && filter.to().isBefore(filter.from())) {
            throw ValidationException.of("to", "validation.range_order", "must not be before from");
        }
        return repository.search(filter, page);
    }

    private AuditRecord toRecord(AuditEvent e) {
        UUID actor = caller.userId().orElse(null);
        UUID owner = e.userId() != null ? e.userId() : actor;
        return new AuditRecord(UUID.randomUUID(), owner, actor, e.action(), e.resourceType(), e.resourceId(),
                caller.ipAddress().orElse(null), caller.userAgent().map(AuditService::truncate).orElse(null),
                e.result(), e.details(), clock.instant(), caller.apiKeyId().orElse(null), caller.apiKeyPrefix().orElse(null));
    }

    private static String truncate(String ua) {
        return ua.length() > 512 ? ua.substring(0, 512) : ua;
    }
}
