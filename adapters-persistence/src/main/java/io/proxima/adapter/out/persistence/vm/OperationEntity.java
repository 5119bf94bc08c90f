package io.proxima.adapter.out.persistence.vm;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

@Entity
@Table(name = "vm_operations")
public class OperationEntity extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "vm_id")
    public UUID vmId;
    @Column(name = "requested_by")
    public UUID requestedBy;
    public String type;
    public String status;
    /** Plain maps and lists (not records) so the JSON mapping needs no reflection registration. */
    @JdbcTypeCode(SqlTypes.JSON)
    public List<Map<String, Object>> steps;
    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, String> data;
    @Column(name = "current_step")
    public int currentStep;
    public boolean compensating;
    public String error;
    @Column(name = "next_run_at")
    public Instant nextRunAt;
    @Column(name = "lease_owner")
    public String leaseOwner;
    @Column(name = "lease_until")
    public Instant leaseUntil;
    public long version;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Column(name = "finished_at")
    public Instant finishedAt;
}
