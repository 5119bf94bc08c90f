package io.proxima.adapter.out.persistence.vm;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "vms")
public class VmEntity extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "owner_id")
    public UUID ownerId;
    public String type;
    public String hostname;
    @Column(name = "plan_id")
    public UUID planId;
    @Column(name = "template_id")
    public UUID templateId;
    @Column(name = "cpu_cores")
    public int cpuCores;
    @Column(name = "memory_mb")
    public int memoryMb;
    @Column(name = "disk_gb")
    public int diskGb;
    @Column(name = "node_id")
    public UUID nodeId;
    @Column(name = "pve_node")
    public String pveNode;
    public Integer vmid;
    /** Comma-separated, for reads that must not join. */
    @Column(name = "ip_addresses")
    public String ipAddresses;
    public String status;
    @Column(name = "status_reason")
    public String statusReason;
    @jakarta.persistence.Version
    public long version;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
}
