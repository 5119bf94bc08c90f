package io.proxima.adapter.out.persistence.ticket;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "tickets")
public class TicketEntity extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "customer_id")
    public UUID customerId;
    public String subject;
    public String category;
    public String priority;
    @Column(name = "vm_id")
    public UUID vmId;
    public String status;
    @Column(name = "assignee_id")
    public UUID assigneeId;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Column(name = "last_activity_at")
    public Instant lastActivityAt;
    @Column(name = "closed_at")
    public Instant closedAt;
    @Version
    public long version;
}
