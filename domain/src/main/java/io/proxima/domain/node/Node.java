package io.proxima.domain.node;

import io.proxima.domain.shared.FieldError;
import io.proxima.domain.shared.ValidationException;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A Proxmox VE host Proxima places guests on (the seeds' "servers"). The API token secret is
 * held only in encrypted form ({@code tokenSecretEncrypted}); the domain never sees it in clear.
 *
 * <p>Two kinds of state: the configuration an administrator edits ({@link Settings}, the secret),
 * guarded by {@code version}; and what Proxima observes of the node (status, capacity, PVE version,
 * last heartbeat, consecutive failures), written by heartbeats without touching the version, so an
 * edit based on a version read a minute ago is not refused because a heartbeat came in between.
 */
public final class Node {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,62}");
    private static final Pattern PVE_NODE = Pattern.compile("[a-zA-Z0-9]([a-zA-Z0-9-]*[a-zA-Z0-9])?");
    private static final Pattern TOKEN_ID = Pattern.compile("[A-Za-z0-9._-]+@[A-Za-z0-9._-]+![A-Za-z][A-Za-z0-9._-]*");
    private static final Pattern FINGERPRINT = Pattern.compile("([A-Fa-f0-9]{2}:){31}[A-Fa-f0-9]{2}");
    private static final Pattern STORAGE = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]*");

    /** What an administrator sets; validated as a whole so every bad field is reported at once. */
    public record Settings(String name, String pveNode, String apiUrl, String apiTokenId, String tlsFingerprint,
                           boolean tlsInsecure, String location, double cpuOvercommit, double memoryOvercommit,
                           String storage, String bridge, boolean enabled) {

        public Settings {
            List<FieldError> errors = new ArrayList<>();
            if (name == null || !NAME.matcher(name).matches()) {
                errors.add(FieldError.of("name", "validation.node_name", "must be 1 to 63 letters, digits, '.', '_' or '-'"));
            }
            if (pveNode == null || pveNode.length() > 63 || !PVE_NODE.matcher(pveNode).matches()) {
                errors.add(FieldError.of("pve_node", "validation.pve_node", "must be the node's name in PVE (letters, digits, '-')"));
            }
            if (!validUrl(apiUrl)) {
                errors.add(FieldError.of("api_url", "validation.api_url", "must be https://host:port (http only for localhost)"));
            }
            if (apiTokenId == null || !TOKEN_ID.matcher(apiTokenId).matches()) {
                errors.add(FieldError.of("api_token_id", "validation.api_token_id", "must look like user@realm!tokenid"));
            }
            if (tlsFingerprint != null && !tlsFingerprint.isBlank() && !FINGERPRINT.matcher(tlsFingerprint).matches()) {
                errors.add(FieldError.of("tls_fingerprint", "validation.tls_fingerprint", "must be a SHA-256 fingerprint: 32 colon-separated hex pairs"));
            }
            if (cpuOvercommit < 1.0 || cpuOvercommit > 16.0 || Double.isNaN(cpuOvercommit)) {
                errors.add(FieldError.of("cpu_overcommit", "validation.overcommit", "must be between 1.0 and 16.0"));
            }
            if (memoryOvercommit < 1.0 || memoryOvercommit > 4.0 || Double.isNaN(memoryOvercommit)) {
                errors.add(FieldError.of("memory_overcommit", "validation.overcommit", "must be between 1.0 and 4.0"));
            }
            if (storage == null || !STORAGE.matcher(storage).matches()) {
                errors.add(FieldError.of("storage", "validation.storage", "must be a PVE storage id"));
            }
            if (bridge == null || !STORAGE.matcher(bridge).matches()) {
                errors.add(FieldError.of("bridge", "validation.bridge", "must be a bridge name such as vmbr0"));
            }
            if (location != null && location.length() > 64) {
                errors.add(FieldError.of("location", "validation.length", "must be at most 64 characters", 0, 64));
            }
            if (!errors.isEmpty()) {
                throw new ValidationException(errors);
            }
            tlsFingerprint = tlsFingerprint == null || tlsFingerprint.isBlank() ? null : tlsFingerprint.toUpperCase(Locale.ROOT);
            location = location == null || location.isBlank() ? null : location.trim();
            apiUrl = apiUrl.endsWith("/") ? apiUrl.substring(0, apiUrl.length() - 1) : apiUrl;
        }

        private static boolean validUrl(String url) {
            if (url == null) {
                return false;
            }
            try {
                URI u = URI.create(url.trim());
                String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
                String path = u.getPath();
                boolean loopback = u.getHost() != null && (u.getHost().equals("localhost") || u.getHost().startsWith("127."));
                return u.getHost() != null && (path == null || path.isEmpty() || path.equals("/"))
                        && (scheme.equals("https") || scheme.equals("http") && loopback);
            } catch (IllegalArgumentException e) {
                return false;
            }
        }
    }

    private final UUID id;
    private Settings settings;
    private String tokenSecretEncrypted;
    private NodeStatus status;
    private Instant lastHeartbeatAt;
    private long totalMemoryMb;
    private int totalCores;
    private String pveVersion;
    private int heartbeatFailures;
    private final long version;
    private final Instant createdAt;
    private Instant updatedAt;

    private Node(UUID id, Settings settings, String tokenSecretEncrypted, NodeStatus status, Instant lastHeartbeatAt,
                 long totalMemoryMb, int totalCores, String pveVersion, int heartbeatFailures, long version,
                 Instant createdAt, Instant updatedAt) {
        this.id = Objects.requireNonNull(id);
        this.settings = Objects.requireNonNull(settings);
        this.tokenSecretEncrypted = Objects.requireNonNull(tokenSecretEncrypted);
        this.status = Objects.requireNonNull(status);
        this.lastHeartbeatAt = lastHeartbeatAt;
        this.totalMemoryMb = totalMemoryMb;
        this.totalCores = totalCores;
        this.pveVersion = pveVersion;
        this.heartbeatFailures = heartbeatFailures;
        this.version = version;
        this.createdAt = Objects.requireNonNull(createdAt);
        this.updatedAt = Objects.requireNonNull(updatedAt);
    }

    public static Node register(Settings settings, String tokenSecretEncrypted, Instant now) {
        return new Node(UUID.randomUUID(), settings, tokenSecretEncrypted, NodeStatus.UNKNOWN, null, 0, 0, null, 0, 0, now, now);
    }

    public static Node reconstitute(UUID id, Settings settings, String tokenSecretEncrypted, NodeStatus status,
                                    Instant lastHeartbeatAt, long totalMemoryMb, int totalCores, String pveVersion,
                                    int heartbeatFailures, long version, Instant createdAt, Instant updatedAt) {
        return new Node(id, settings, tokenSecretEncrypted, status, lastHeartbeatAt, totalMemoryMb, totalCores, pveVersion,
                heartbeatFailures, version, createdAt, updatedAt);
    }

    /** New settings; a null secret keeps the stored one (secrets are write-only in the API). */
    public void reconfigure(Settings newSettings, String newSecretEncrypted, Instant now) {
        this.settings = Objects.requireNonNull(newSettings);
        if (newSecretEncrypted != null) {
            this.tokenSecretEncrypted = newSecretEncrypted;
        }
        this.updatedAt = now;
    }

    /** The node answered: online, with the capacity it reports (observed state; the version stays). */
    public void heartbeat(long memoryMb, int cores, String version, Instant now) {
        this.status = NodeStatus.ONLINE;
        this.totalMemoryMb = memoryMb;
        this.totalCores = cores;
        this.pveVersion = version;
        this.lastHeartbeatAt = now;
        this.heartbeatFailures = 0;
    }

    /**
     * The node did not answer. One lost heartbeat is a blip, not an outage: the node turns offline
     * only at the {@code offlineAfter}-th consecutive failure; until then it keeps its status and
     * capacity. A node never reached stays unknown (no capacity) until it first answers.
     */
    public void heartbeatFailed(int offlineAfter) {
        this.heartbeatFailures = heartbeatFailures + 1;
        if (heartbeatFailures >= Math.max(1, offlineAfter)) {
            this.status = NodeStatus.OFFLINE;
        }
    }

    public UUID id() { return id; }
    public Settings settings() { return settings; }
    public String tokenSecretEncrypted() { return tokenSecretEncrypted; }
    public NodeStatus status() { return status; }
    public Instant lastHeartbeatAt() { return lastHeartbeatAt; }
    public long totalMemoryMb() { return totalMemoryMb; }
    public int totalCores() { return totalCores; }
    public String pveVersion() { return pveVersion; }
    public int heartbeatFailures() { return heartbeatFailures; }
    public long version() { return version; }
    public Instant createdAt() { return createdAt; }
    public Instant updatedAt() { return updatedAt; }
}
