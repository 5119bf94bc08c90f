package io.proxima.adapter.out.persistence.audit;

import io.proxima.application.audit.AuditFilter;
import io.proxima.application.audit.AuditRecord;
import io.proxima.application.audit.AuditResult;
import io.proxima.application.audit.port.out.AuditRepository;
import io.proxima.application.shared.Page;
import io.proxima.application.shared.PageRequest;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import java.util.UUID;

@ApplicationScoped
public class AuditPanacheRepository implements AuditRepository {

    private static final Sort NEWEST_FIRST = Sort.descending("createdAt").and("id", Sort.Direction.Descending);

    @Override
    public void append(AuditRecord r) {
        AuditLogEntity e = new AuditLogEntity();
        e.id = r.id();
        e.userId = r.userId();
        e.actorId = r.actorId();
        e.action = r.action();
        e.resourceType = r.resourceType();
        e.resourceId = r.resourceId();
        e.ipAddress = r.ipAddress();
        e.userAgent = r.userAgent();
        e.result = r.result().code();
        e.details = new HashMap<>(r.details());
        e.createdAt = r.createdAt();
        e.apiKeyId = r.apiKeyId();
        e.apiKeyPrefix = r.apiKeyPrefix();
        e.persist();
    }

    @Override
    public List<AuditRecord> findByUser(UUID userId, int limit, int offset) {
        return AuditLogEntity.<AuditLogEntity>find("userId", NEWEST_FIRST, userId)
                .range(offset, offset + limit - 1).list().stream().map(AuditPanacheRepository::toRecord).toList();
    }

    @Override
    public Page<AuditRecord> search(AuditFilter f, PageRequest page) {
        StringJoiner where = new StringJoiner(" and ");
        Map<String, Object> params = new HashMap<>();
        if (f.userId() != null) {
            where.add("(userId = :user or actorId = :user)");
            params.put("user", f.userId());
        }
        if (f.action() != null) {
            // "auth" matches auth.login, auth.logout ...; "auth.login" matches itself.
            where.add("(action = :action or action like :actionPrefix)");
            params.put("action", f.action());
            params.put("actionPrefix", f.action().replace("%", "").replace("_", "\\_") + ".%");
        }
        if (f.resourceType() != null) {
            where.add("resourceType = :resourceType");
            params.put("resourceType", f.resourceType());
        }
        if (f.resourceId() != null) {
            where.add("resourceId = :resourceId");
            params.put("resourceId", f.resourceId());
        }
        if (f.apiKeyId() != null) {
            where.add("apiKeyId = :apiKeyId");
            params.put("apiKeyId", f.apiKeyId());
        }
        if (f.from() != null) {
            where.add("createdAt >= :from");
            params.put("from", f.from());
        }
        if (f.to() != null) {
            where.add("createdAt < :to");
            params.put("to", f.to());
        }
        PanacheQuery<AuditLogEntity> q = where.length() == 0 ? AuditLogEntity.findAll(NEWEST_FIRST)
                : AuditLogEntity.find(where.toString(), NEWEST_FIRST, params);
        long total = q.count();
        List<AuditRecord> items = q.page(io.quarkus.panache.common.Page.of(page.page() - 1, page.perPage())).list()
                .stream().map(AuditPanacheRepository::toRecord).toList();
        return new Page<>(items, page, total);
    }

    static AuditRecord toRecord(AuditLogEntity e) {
        return new AuditRecord(e.id, e.userId, e.actorId, e.action, e.resourceType, e.resourceId, e.ipAddress,
                e.userAgent, AuditResult.valueOf(e.result.toUpperCase(Locale.ROOT)), e.details, e.createdAt, e.apiKeyId,
                e.apiKeyPrefix);
    }
}
