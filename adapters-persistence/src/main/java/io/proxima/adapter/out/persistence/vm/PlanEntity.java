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
@Table(name = "plans")
public class PlanEntity extends PanacheEntityBase {

    @Id
    public UUID id;
    public String name;
    public String type;
    @Column(name = "cpu_cores")
    public int cpuCores;
    @Column(name = "memory_mb")
    public int memoryMb;
    @Column(name = "disk_gb")
    public int diskGb;
    @Column(name = "bandwidth_gb")
    public int bandwidthGb;
    @Column(name = "snapshot_limit")
    public int snapshotLimit;
    @Column(name = "price_hourly_minor")
    public long priceHourlyMinor;
    @Column(name = "price_monthly_minor")
    public long priceMonthlyMinor;
    public String currency;
    public boolean active;
    @Version
    public long version;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
}
