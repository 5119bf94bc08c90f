package io.proxima.adapter.out.persistence.ticket;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** An attachment's metadata; the bytes are in {@link TicketAttachmentDataEntity}. */
@Entity
@Table(name = "ticket_attachments")
public class TicketAttachmentEntity extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "ticket_id")
    public UUID ticketId;
    @Column(name = "message_id")
    public UUID messageId;
    @Column(name = "file_name")
    public String fileName;
    @Column(name = "content_type")
    public String contentType;
    @Column(name = "size_bytes")
    public long sizeBytes;
    @Column(name = "created_at")
    public Instant createdAt;
}
