package io.proxima.adapter.out.persistence.vm;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "templates")
public class TemplateEntity extends PanacheEntityBase {

    @Id
    public UUID id;
    public String name;
    public String type;
    @Column(name = "os_family")
    public String osFamily;
    @Column(name = "pve_vmid")
    public Integer pveVmid;
    public String ostemplate;
    @Column(name = "node_id")
    public UUID nodeId;
    @Column(name = "min_disk_gb")
    public int minDiskGb;
    @Column(name = "cloud_init")
    public boolean cloudInit;
    public boolean active;
    @Version
    public long version;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
}
