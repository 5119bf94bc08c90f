package io.proxima.adapter.out.persistence.node;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "nodes")
public class NodeEntity extends PanacheEntityBase {

    @Id
    public UUID id;
    public String name;
    @Column(name = "pve_node")
    public String pveNode;
    @Column(name = "api_url")
    public String apiUrl;
    @Column(name = "api_token_id")
    public String apiTokenId;
    @Column(name = "api_token_secret_enc")
    public String apiTokenSecretEnc;
    @Column(name = "tls_fingerprint")
    public String tlsFingerprint;
    @Column(name = "tls_insecure")
    public boolean tlsInsecure;
    public String location;
    @Column(name = "cpu_overcommit")
    public double cpuOvercommit;
    @Column(name = "memory_overcommit")
    public double memoryOvercommit;
    public String storage;
    public String bridge;
    public boolean enabled;
    // Observed state: inserted with the node, then written only by NodeRepository.saveObserved
    // (plain SQL, no version bump), never by an edit of the configuration.
    @Column(updatable = false)
    public String status;
    @Column(name = "last_heartbeat_at", updatable = false)
    public Instant lastHeartbeatAt;
    @Column(name = "total_memory_mb", updatable = false)
    public long totalMemoryMb;
    @Column(name = "total_cores", updatable = false)
    public int totalCores;
    @Column(name = "pve_version", updatable = false)
    public String pveVersion;
    @Column(name = "heartbeat_failures", updatable = false)
    public int heartbeatFailures;
    @Version
    public long version;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
}
