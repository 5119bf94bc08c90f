package io.proxima.adapter.out.persistence.vm;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "vm_firewall_rules")
public class FirewallRuleEntity extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "vm_id")
    public UUID vmId;
    public int position;
    public String direction;
    public String action;
    public String protocol;
    public String port;
    public String source;
    public String destination;
    public boolean enabled;
    public String comment;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
}
