package io.proxima.adapter.out.persistence.vm;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

@Entity
@Table(name = "ip_pools")
public class IpPoolEntity extends PanacheEntityBase {

    @Id
    public UUID id;
    public String name;
    @Column(name = "node_id")
    public UUID nodeId;
    public String location;
    /** Unsigned 32-bit addresses as bigint. */
    public long network;
    @Column(name = "prefix_length")
    public int prefixLength;
    public long gateway;
    @JdbcTypeCode(SqlTypes.ARRAY)
    public Long[] excluded;
    /** Comma-separated resolver addresses. */
    public String dns;
    @Version
    public long version;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
}
