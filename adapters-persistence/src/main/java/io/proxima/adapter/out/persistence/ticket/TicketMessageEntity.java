package io.proxima.adapter.out.persistence.ticket;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "ticket_messages")
public class TicketMessageEntity extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "ticket_id")
    public UUID ticketId;
    @Column(name = "author_id")
    public UUID authorId;
    public String body;
    public boolean staff;
    public boolean internal;
    @Column(name = "created_at")
    public Instant createdAt;
}
