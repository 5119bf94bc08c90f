package io.proxima.application.audit.port.in;

import io.proxima.application.audit.AuditFilter;
import io.proxima.application.audit.AuditRecord;
import io.proxima.application.shared.Page;
import io.proxima.application.shared.PageRequest;
import java.util.List;
import java.util.UUID;

/** Reads the audit log: users their own records, administrators everything. */
public interface AuditQueryUseCase {

    /** Newest first, seed 001's {@code limit}/{@code offset} paging. */
    List<AuditRecord> ownRecords(UUID userId, int limit, int offset);

    Page<AuditRecord> search(AuditFilter filter, PageRequest page);
}
