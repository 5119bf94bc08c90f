package io.proxima.adapter.out.persistence.ticket;

import io.proxima.adapter.out.persistence.shared.Flushing;
import io.proxima.application.shared.Page;
import io.proxima.application.shared.PageRequest;
import io.proxima.application.ticket.port.out.TicketRepository;
import io.proxima.domain.shared.StaleVersionException;
import io.proxima.domain.ticket.Ticket;
import io.proxima.domain.ticket.TicketMessage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class TicketPanacheRepository implements TicketRepository {

    private static EntityManager em() {
        return TicketEntity.getEntityManager();
    }

    @Override
    public Optional<Ticket> find(UUID id) {
        return TicketEntity.<TicketEntity>findByIdOptional(id).map(TicketEntityMapper::toDomain);
    }

    @Override
    public void insert(Ticket ticket) {
        TicketEntity e = new TicketEntity();
        TicketEntityMapper.copy(ticket, e);
        e.persist();
    }

    @Override
    public void update(Ticket ticket) {
        TicketEntity e = TicketEntity.findById(ticket.id());
        if (e == null || e.version != ticket.version()) {
            throw new StaleVersionException("Ticket", ticket.version(), e == null ? -1 : e.version);
        }
        TicketEntityMapper.copy(ticket, e);
        Flushing.flushOrStale(em(), "Ticket", ticket.version());
    }

    @Override
    public void addMessage(TicketMessage message) {
        TicketEntityMapper.fromDomain(message).persist();
    }

    @Override
    public void addAttachment(StoredAttachment attachment, byte[] bytes) {
        TicketEntityMapper.fromDomain(attachment).persist();
        TicketAttachmentDataEntity data = new TicketAttachmentDataEntity();
        data.attachmentId = attachment.id();
        data.bytes = bytes;
        data.persist();
    }

    @Override
    public List<TicketMessage> messages(UUID ticketId, boolean includeInternal) {
        String q = includeInternal ? "ticketId = ?1 order by createdAt, id" : "ticketId = ?1 and internal = false order by createdAt, id";
        return TicketMessageEntity.<TicketMessageEntity>list(q, ticketId).stream().map(TicketEntityMapper::toDomain).toList();
    }

    @Override
    public List<StoredAttachment> attachments(UUID ticketId) {
        return TicketAttachmentEntity.<TicketAttachmentEntity>list("ticketId = ?1 order by createdAt, id", ticketId).stream()
                .map(TicketEntityMapper::toDomain).toList();
    }

    @Override
    public Optional<AttachmentContent> attachment(UUID ticketId, UUID attachmentId) {
        return TicketAttachmentEntity.<TicketAttachmentEntity>findByIdOptional(attachmentId)
                .filter(a -> a.ticketId.equals(ticketId))
                .flatMap(a -> TicketAttachmentDataEntity.<TicketAttachmentDataEntity>findByIdOptional(attachmentId)
                        .map(d -> new AttachmentContent(TicketEntityMapper.toDomain(a), d.bytes)));
    }

    @Override
    public boolean isInternalMessage(UUID messageId) {
        return TicketMessageEntity.<TicketMessageEntity>findByIdOptional(messageId).map(m -> m.internal).orElse(false);
    }

    @Override
    public Page<Ticket> search(TicketFilter f, PageRequest page) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (f.customerId() != null) {
            where.append(" AND t.customerId = :customer");
            params.put("customer", f.customerId());
        }
        if (f.status() != null) {
            where.append(" AND t.status = :status");
            params.put("status", f.status().wireName());
        }
        if (f.priority() != null) {
            where.append(" AND t.priority = :priority");
            params.put("priority", f.priority().wireName());
        }
        if (f.category() != null) {
            where.append(" AND t.category = :category");
            params.put("category", f.category().wireName());
        }
        if (f.assigneeId() != null) {
            where.append(" AND t.assigneeId = :assignee");
            params.put("assignee", f.assigneeId());
        }
        if (f.search() != null && !f.search().isBlank()) {
            where.append(" AND lower(t.subject) LIKE :search ESCAPE '\\'");
            params.put("search", "%" + f.search().strip().toLowerCase()
                    .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        var count = em().createQuery("SELECT count(t) FROM TicketEntity t" + where, Long.class);
        var rows = em().createQuery("SELECT t FROM TicketEntity t" + where + " ORDER BY t.lastActivityAt DESC, t.id",
                TicketEntity.class).setFirstResult((int) page.offset()).setMaxResults(page.perPage());
        params.forEach((k, v) -> {
            count.setParameter(k, v);
            rows.setParameter(k, v);
        });
        List<Ticket> items = rows.getResultList().stream().map(TicketEntityMapper::toDomain).toList();
        return new Page<>(items, page, count.getSingleResult());
    }
}
