package io.proxima.application.audit.port.out;

import io.proxima.application.audit.AuditFilter;
import io.proxima.application.audit.AuditRecord;
import io.proxima.application.shared.Page;
import io.proxima.application.shared.PageRequest;
import java.util.List;
import java.util.UUID;

/** Append-only store of audit records. */
public interface AuditRepository {

    void append(AuditRecord record);

    List<AuditRecord> findByUser(UUID userId, int limit, int offset);

    Page<AuditRecord> search(AuditFilter filter, PageRequest page);
}
