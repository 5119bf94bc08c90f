package io.proxima.adapter.out.persistence.ticket;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/** The bytes of one attachment, read only when it is downloaded. */
@Entity
@Table(name = "ticket_attachment_data")
public class TicketAttachmentDataEntity extends PanacheEntityBase {

    @Id
    @Column(name = "attachment_id")
    public UUID attachmentId;
    @Column(name = "bytes", columnDefinition = "bytea")
    public byte[] bytes;
}
