package io.proxima.adapter.out.proxmox;

import static io.proxima.adapter.out.proxmox.PveWire.path;

import com.fasterxml.jackson.databind.JsonNode;
import io.proxima.application.hypervisor.PveAlreadyExistsException;
import io.proxima.application.hypervisor.PveException;
import io.proxima.application.hypervisor.PveGuestNotOursException;
import io.proxima.application.hypervisor.PveLockTimeoutException;
import io.proxima.application.hypervisor.PveNotFoundException;
import io.proxima.application.hypervisor.PveProtocolException;
import io.proxima.application.hypervisor.PveTaskFailedException;
import io.proxima.application.hypervisor.PveTimeoutException;
import io.proxima.application.hypervisor.PveTlsTrustException;
import io.proxima.application.hypervisor.PveUnreachableException;
import io.proxima.application.hypervisor.port.out.CloneSpec;
import io.proxima.application.hypervisor.port.out.ClusterResource;
import io.proxima.application.hypervisor.port.out.ConfigChange;
import io.proxima.application.hypervisor.port.out.ConsoleTicket;
import io.proxima.application.hypervisor.port.out.CreatedGuest;
import io.proxima.application.hypervisor.port.out.FirewallOptions;
import io.proxima.application.hypervisor.port.out.FirewallRule;
import io.proxima.application.hypervisor.port.out.FirewallRules;
import io.proxima.application.hypervisor.port.out.GuestConfig;
import io.proxima.application.hypervisor.port.out.GuestRef;
import io.proxima.application.hypervisor.port.out.GuestStatus;
import io.proxima.application.hypervisor.port.out.GuestType;
import io.proxima.application.hypervisor.port.out.Hypervisor;
import io.proxima.application.hypervisor.port.out.LxcCreateSpec;
import io.proxima.application.hypervisor.port.out.NodeStatus;
import io.proxima.application.hypervisor.port.out.PowerAction;
import io.proxima.application.hypervisor.port.out.PowerState;
import io.proxima.application.hypervisor.port.out.PveNode;
import io.proxima.application.hypervisor.port.out.PveNodeConnection;
import io.proxima.application.hypervisor.port.out.PveVersion;
import io.proxima.application.hypervisor.port.out.QemuCreateSpec;
import io.proxima.application.hypervisor.port.out.ResourceKind;
import io.proxima.application.hypervisor.port.out.RrdConsolidation;
import io.proxima.application.hypervisor.port.out.RrdPoint;
import io.proxima.application.hypervisor.port.out.RrdTimeframe;
import io.proxima.application.hypervisor.port.out.Snapshot;
import io.proxima.application.hypervisor.port.out.StorageContentItem;
import io.proxima.application.hypervisor.port.out.StorageContentType;
import io.proxima.application.hypervisor.port.out.TaskResult;
import io.proxima.application.hypervisor.port.out.TaskStatus;
import io.proxima.application.hypervisor.port.out.Upid;
import io.vertx.core.Vertx;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.jboss.logging.Logger;

/**
 * The {@link Hypervisor} port over PVE's HTTP API. One pooled client per endpoint, built on first
 * use from the connection record (so a changed token or fingerprint builds a new one).
 * <p>
 * Retries: reads retry transport failures and lock timeouts ({@code @Retry}, active under CDI);
 * writes retry only lock timeouts, which PVE raises before changing anything; creates never
 * retry blindly: a vmid clash is retried with another id, anything else surfaces. The per-node
 * circuit breaker lives in {@link PveNodeClient}.
 */
@ApplicationScoped
public class ProxmoxHypervisor implements Hypervisor {

    private static final Logger LOG = Logger.getLogger(ProxmoxHypervisor.class);
    private static final int LOG_TAIL_LINES = 10;

    private final Vertx vertx;
    private final PveClientSettings settings;
    private final LongSupplier clock;
    private final Map<PveNodeConnection, PveNodeClient> clients = new ConcurrentHashMap<>();
    private final VmidAllocator vmids;

    @Inject
    public ProxmoxHypervisor(Vertx vertx, PveConfig config) {
        this(vertx, settingsOf(config.client()), System::currentTimeMillis);
    }

    ProxmoxHypervisor(Vertx vertx, PveClientSettings settings, LongSupplier clock) {
        this.vertx = vertx;
        this.settings = settings;
        this.clock = clock;
        this.vmids = new VmidAllocator(Duration.ofMinutes(2).toMillis(), clock);
    }

    private static PveClientSettings settingsOf(PveConfig.Client c) {
        return new PveClientSettings(c.connectTimeout(), c.requestTimeout(), c.taskPollInitial(), c.taskPollMax(),
                c.taskNotVisibleGrace(), c.vmidAttempts(), c.breakerFailureThreshold(), c.breakerOpenFor(),
                c.ticketRenewAfter(), c.maxConnectionsPerNode());
    }

    @PreDestroy
    void closeClients() {
        clients.values().forEach(PveNodeClient::close);
        clients.clear();
    }

    /** HTTP requests sent through this connection so far (the bench counts calls per operation with it). */
    long requestCount(PveNodeConnection conn) {
        PveNodeClient c = clients.get(conn);
        return c == null ? 0 : c.requestCount();
    }

    /** Whether this connection's circuit breaker currently refuses calls (for the node's status). */
    public boolean circuitOpen(PveNodeConnection conn) {
        PveNodeClient c = clients.get(conn);
        return c != null && c.breakerOpen();
    }

    private PveNodeClient client(PveNodeConnection conn) {
        PveNodeClient existing = clients.get(conn);
        if (existing != null) {
            return existing;
        }
        synchronized (clients) {
            existing = clients.get(conn);
            if (existing != null) {
                return existing;
            }
            // A node whose token or trust changed: drop the old client of the same URL.
            clients.entrySet().removeIf(e -> {
                if (e.getKey().baseUrl().equals(conn.baseUrl())) {
                    e.getValue().close();
                    return true;
                }
                return false;
            });
            PveNodeClient created = new PveNodeClient(vertx, conn, settings, clock);
            clients.put(conn, created);
            return created;
        }
    }

    private static String guestPath(GuestRef g, Object... rest) {
        Object[] segments = new Object[4 + rest.length];
        segments[0] = "nodes";
        segments[1] = g.node();
        segments[2] = g.type().pveName();
        segments[3] = g.vmid();
        System.arraycopy(rest, 0, segments, 4, rest.length);
        return path(segments);
    }

    private static Upid upid(JsonNode data, String what) {
        if (data == null || !data.isTextual() || !Upid.isUpid(data.textValue())) {
            throw new PveProtocolException(what + " did not return a UPID: " + data, 200);
        }
        return Upid.parse(data.textValue());
    }

    // --- cluster and nodes -------------------------------------------------------------------

    @Override
    @Retry(maxRetries = 2, delay = 500, jitter = 250, retryOn = {PveUnreachableException.class, PveTimeoutException.class},
            abortOn = PveTlsTrustException.class)
    @Timeout(value = 60, unit = ChronoUnit.SECONDS)
    public PveVersion version(PveNodeConnection conn) {
        return PveMappers.version(client(conn).get("/version", null));
    }

    @Override
    @Retry(maxRetries = 2, delay = 500, jitter = 250, retryOn = {PveUnreachableException.class, PveTimeoutException.class},
            abortOn = PveTlsTrustException.class)
    @Timeout(value = 60, unit = ChronoUnit.SECONDS)
    public List<PveNode> nodes(PveNodeConnection conn) {
        return PveJson.items(client(conn).get("/nodes", null)).stream().map(PveMappers::node).toList();
    }

    @Override
    @Retry(maxRetries = 2, delay = 500, jitter = 250, retryOn = {PveUnreachableException.class, PveTimeoutException.class},
            abortOn = PveTlsTrustException.class)
    @Timeout(value = 60, unit = ChronoUnit.SECONDS)
    public NodeStatus nodeStatus(PveNodeConnection conn, String node) {
        return PveMappers.nodeStatus(node, client(conn).get(path("nodes", node, "status"), null));
    }

    @Override
    @Retry(maxRetries = 2, delay = 500, jitter = 250, retryOn = {PveUnreachableException.class, PveTimeoutException.class},
            abortOn = PveTlsTrustException.class)
    @Timeout(value = 60, unit = ChronoUnit.SECONDS)
    public List<ClusterResource> clusterResources(PveNodeConnection conn, ResourceKind kind) {
        PveParams q = PveParams.create().add("type", kind == null ? null : kind.pveName());
        JsonNode d = client(conn).get("/cluster/resources", q);
        List<ClusterResource> out = new ArrayList<>(d.size());
        for (JsonNode r : d) {
            out.add(PveMappers.resource(r));
        }
        return out;
    }

    @Override
    @Retry(maxRetries = 2, delay = 500, jitter = 250, retryOn = {PveUnreachableException.class, PveTimeoutException.class},
            abortOn = PveTlsTrustException.class)
    @Timeout(value = 60, unit = ChronoUnit.SECONDS)
    public List<RrdPoint> nodeRrd(PveNodeConnection conn, String node, RrdTimeframe timeframe, RrdConsolidation cf) {
        return PveMappers.rrd(client(conn).get(path("nodes", node, "rrddata"), rrdParams(timeframe, cf)));
    }

    private static PveParams rrdParams(RrdTimeframe timeframe, RrdConsolidation cf) {
        return PveParams.create().add("timeframe", timeframe.pveName()).add("cf", cf == null ? null : cf.name());
    }

    @Override
    @Retry(maxRetries = 2, delay = 500, jitter = 250, retryOn = {PveUnreachableException.class, PveTimeoutException.class},
            abortOn = PveTlsTrustException.class)
    @Timeout(value = 60, unit = ChronoUnit.SECONDS)
    public List<StorageContentItem> storageContent(PveNodeConnection conn, String node, String storage, StorageContentType content) {
        PveParams q = PveParams.create().add("content", content == null ? null : content.pveName());
        return PveJson.items(client(conn).get(path("nodes", node, "storage", storage, "content"), q)).stream()
                .map(PveMappers::content).toList();
    }

    // --- vmids -------------------------------------------------------------------------------

    @Override
    @Retry(maxRetries = 2, delay = 500, jitter = 250, retryOn = {PveUnreachableException.class, PveTimeoutException.class},
            abortOn = PveTlsTrustException.class)
    @Timeout(value = 60, unit = ChronoUnit.SECONDS)
    public int nextFreeVmid(PveNodeConnection conn) {
        return nextId(conn);
    }

    private int nextId(PveNodeConnection conn) {
        JsonNode d = client(conn).get("/cluster/nextid", null);
        try {
            // typed integer, sent as a string by most PVE versions
            return d.isNumber() ? d.asInt() : Integer.parseInt(d.asText().trim());
        } catch (NumberFormatException e) {
            throw new PveProtocolException("nextid is not a number: " + d, 200);
        }
    }

    @Override
    @Retry(maxRetries = 2, delay = 500, jitter = 250, retryOn = {PveUnreachableException.class, PveTimeoutException.class},
            abortOn = PveTlsTrustException.class)
    @Timeout(value = 60, unit = ChronoUnit.SECONDS)
    public boolean isVmidFree(PveNodeConnection conn, int vmid) {
        try {
            client(conn).get("/cluster/nextid", PveParams.create().add("vmid", vmid));
            return true;
        } catch (PveAlreadyExistsException e) {
            return false;
        }
    }

    // --- creation ----------------------------------------------------------------------------

    @Override
    public CreatedGuest cloneGuest(PveNodeConnection conn, CloneSpec spec) {
        GuestRef template = spec.template();
        boolean qemu = template.type() == GuestType.QEMU;
        return createWithVmid(conn, spec.newVmid(), vmid -> {
            PveParams form = PveParams.create().add("newid", vmid)
                    .add(qemu ? "name" : "hostname", spec.name())
                    .add("description", GuestIdentity.description(spec.proximaVmId()))
                    .add("target", spec.targetNode() == null || spec.targetNode().equals(template.node()) ? null : spec.targetNode())
                    .flag("full", spec.full())
                    .add("storage", spec.storage())
                    .add("pool", spec.pool());
            Upid u = upid(client(conn).post(guestPath(template, "clone"), form), "clone");
            return new CreatedGuest(new GuestRef(spec.node(), vmid, template.type()), u);
        }, true);
    }

    @Override
    public CreatedGuest createQemu(PveNodeConnection conn, QemuCreateSpec spec) {
        return createWithVmid(conn, spec.vmid(), vmid -> {
            PveParams form = PveParams.create().add("vmid", vmid)
                    .add("name", spec.name())
                    .add("description", GuestIdentity.description(spec.proximaVmId()))
                    .add("tags", GuestIdentity.tag(spec.proximaVmId()))
                    .add("cores", spec.cores())
                    .add("memory", Integer.toString(spec.memoryMb()))
                    .add("ostype", spec.ostype())
                    .add("scsihw", "virtio-scsi-single")
                    .add("scsi0", spec.storage() + ":" + spec.diskGb())
                    .add("net0", "virtio,bridge=" + spec.bridge() + ",firewall=1")
                    .add("ide2", spec.isoVolume() == null ? null : spec.isoVolume() + ",media=cdrom")
                    .add("boot", spec.isoVolume() == null ? "order=scsi0" : "order=scsi0;ide2")
                    .add("agent", "1");
            Upid u = upid(client(conn).post(path("nodes", spec.node(), "qemu"), form), "create");
            return new CreatedGuest(GuestRef.qemu(spec.node(), vmid), u);
        }, false);
    }

    @Override
    public CreatedGuest createLxc(PveNodeConnection conn, LxcCreateSpec spec) {
        return createWithVmid(conn, spec.vmid(), vmid -> {
            String net0 = "name=eth0,bridge=" + spec.bridge() + ",firewall=1,ip=" + spec.ipConfig()
                    + (spec.gateway() == null ? "" : ",gw=" + spec.gateway())
                    + (spec.rateMbps() == null ? "" : ",rate=" + spec.rateMbps());
            PveParams form = PveParams.create().add("vmid", vmid)
                    .add("ostemplate", spec.ostemplate())
                    .add("hostname", spec.hostname())
                    .add("description", GuestIdentity.description(spec.proximaVmId()))
                    .add("tags", GuestIdentity.tag(spec.proximaVmId()))
                    .add("rootfs", spec.storage() + ":" + spec.diskGb())
                    .add("cores", spec.cores())
                    .add("memory", spec.memoryMb())
                    .add("swap", spec.swapMb())
                    .add("net0", net0)
                    .add("password", spec.password())
                    // LXC takes keys as plain text, unlike QEMU's doubly encoded sshkeys
                    .add("ssh-public-keys", spec.sshKeys().isEmpty() ? null : String.join("\n", spec.sshKeys()))
                    .flag("unprivileged", spec.unprivileged());
            Upid u = upid(client(conn).post(path("nodes", spec.node(), "lxc"), form), "create");
            return new CreatedGuest(GuestRef.lxc(spec.node(), vmid), u);
        }, false);
    }

    private interface Creation {
        CreatedGuest create(int vmid);
    }

    /**
     * nextid reserves nothing: claim an id, try the create, and on "already exists" claim
     * another one. A fixed id (chosen and persisted by the caller) is tried once.
     */
    private CreatedGuest createWithVmid(PveNodeConnection conn, Integer fixed, Creation creation, boolean reservedInTask) {
        String cluster = conn.baseUrl().toString();
        if (fixed != null) {
            return creation.create(fixed);
        }
        int candidate = vmids.claimFrom(cluster, nextId(conn));
        PveAlreadyExistsException last = null;
        for (int attempt = 0; attempt < settings.vmidAttempts(); attempt++) {
            try {
                CreatedGuest created = creation.create(candidate);
                if (!reservedInTask) {
                    // create wrote the config synchronously: PVE itself now keeps the id taken
                    vmids.release(cluster, candidate);
                }
                return created;
            } catch (PveAlreadyExistsException e) {
                last = e;
                LOG.debugf("vmid %s taken on %s (attempt %s), trying another", (Object) candidate, cluster, (Object) (attempt + 1));
                int next = vmids.claimAfterConflict(cluster, candidate, attempt);
                vmids.release(cluster, candidate);
                candidate = next;
            } catch (RuntimeException e) {
                vmids.release(cluster, candidate);
                throw e;
            }
        }
        vmids.release(cluster, candidate);
        throw last;
    }

    // --- tasks -------------------------------------------------------------------------------

    @Override
    @Retry(maxRetries = 2, delay = 500, jitter = 250, retryOn = {PveUnreachableException.class, PveTimeoutException.class},
            abortOn = PveTlsTrustException.class)
    @Timeout(value = 60, unit = ChronoUnit.SECONDS)
    public TaskStatus taskStatus(PveNodeConnection conn, Upid upid) {
        JsonNode d = client(conn).get(path("nodes", upid.node(), "tasks", upid.raw(), "status"), null);
        boolean running = "running".equals(PveJson.text(d, "status"));
        return new TaskStatus(upid, running, running ? null : PveJson.text(d, "exitstatus"));
    }

    @Override
    public TaskResult awaitTask(PveNodeConnection conn, Upid upid, Duration timeout) {
        long start = clock.getAsLong();
        long deadline = start + timeout.toMillis();
        long delay = settings.taskPollInitial().toMillis();
        while (true) {
            TaskStatus status = null;
            try {
                status = taskStatus(conn, upid);
            } catch (PveNotFoundException e) {
                // a fresh UPID can briefly be unknown ("no such task"); past the grace it is gone
                if (clock.getAsLong() - start > settings.taskNotVisibleGrace().toMillis()) {
                    throw e;
                }
            } catch (PveTlsTrustException e) {
                throw e;
            } catch (PveUnreachableException | PveTimeoutException e) {
                LOG.debugf("polling %s: %s; will retry", upid, e.getMessage());
            }
            if (status != null && !status.running()) {
                return finish(conn, status);
            }
            long now = clock.getAsLong();
            if (now >= deadline) {
                throw new PveTimeoutException("task " + upid + " still running after " + timeout);
            }
            sleep(Math.min(delay, deadline - now));
            delay = Math.min(settings.taskPollMax().toMillis(), (long) (delay * 1.5));
        }
    }

    @Override
    public Optional<TaskResult> pollTask(PveNodeConnection conn, Upid upid) {
        TaskStatus status;
        try {
            status = taskStatus(conn, upid);
        } catch (PveNotFoundException e) {
            // A fresh UPID can briefly be unknown ("no such task"): look again, as awaitTask does.
            return Optional.empty();
        }
        return status.running() ? Optional.empty() : Optional.of(finish(conn, status));
    }

    private TaskResult finish(PveNodeConnection conn, TaskStatus status) {
        String exit = status.exitStatus().trim();
        if (exit.equals("OK")) {
            return new TaskResult(status.upid(), exit, 0);
        }
        if (exit.startsWith("WARNINGS")) {
            int n = 1;
            try {
                n = Integer.parseInt(exit.substring(exit.indexOf(':') + 1).trim());
            } catch (RuntimeException ignored) {
                // "WARNINGS" without a count still means success
            }
            LOG.warnf("PVE task %s ended with %s: %s", status.upid(), exit, safeTail(conn, status.upid()));
            return new TaskResult(status.upid(), exit, n);
        }
        throw new PveTaskFailedException(status.upid(), exit, PveErrors.taskKind(exit), safeTail(conn, status.upid()));
    }

    private List<String> safeTail(PveNodeConnection conn, Upid upid) {
        try {
            return taskLogTail(conn, upid, LOG_TAIL_LINES);
        } catch (PveException e) {
            return List.of("(task log unavailable: " + e.getMessage() + ")");
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(Math.max(1, millis));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PveTimeoutException("interrupted while waiting for a task");
        }
    }

    @Override
    @Retry(maxRetries = 2, delay = 500, jitter = 250, retryOn = {PveUnreachableException.class, PveTimeoutException.class},
            abortOn = PveTlsTrustException.class)
    @Timeout(value = 60, unit = ChronoUnit.SECONDS)
    public List<String> taskLogTail(PveNodeConnection conn, Upid upid, int lines) {
        String p = path("nodes", upid.node(), "tasks", upid.raw(), "log");
        PveNodeClient c = client(conn);
        JsonNode env = c.getEnvelope(p, PveParams.create().add("start", 0).add("limit", lines));
        long total = PveJson.longOf(env, "total", 0);
        if (total > lines) {
            env = c.getEnvelope(p, PveParams.create().add("start", (int) (total - lines)).add("limit", lines));
        }
        List<String> out = new ArrayList<>();
        for (JsonNode l : PveJson.items(env.get("data"))) {
            out.add(PveJson.text(l, "t"));
        }
        return out;
    }

    // --- configuration -----------------------------------------------------------------------

    @Override
    @Retry(maxRetries = 2, delay = 500, jitter = 250,
            retryOn = {PveUnreachableException.class, PveTimeoutException.class, PveLockTimeoutException.class},
            abortOn = PveTlsTrustException.class)
    @Timeout(value = 60, unit = ChronoUnit.SECONDS)
    public GuestConfig config(PveNodeConnection conn, GuestRef guest) {
        return PveMappers.config(guest, client(conn).get(guestPath(guest, "config"), null));
    }

    @Override
    @Retry(maxRetries = 3, delay = 1000, jitter = 500, retryOn = PveLockTimeoutException.class)
    public Optional<Upid> updateConfig(PveNodeConnection conn, GuestRef guest, ConfigChange change) {
        PveParams form = PveParams.create();
        change.set().forEach((k, v) -> form.add(k, k.equals("sshkeys") ? PveWire.encodeSshKeys(v) : v));
        if (!change.delete().isEmpty()) {
            form.add("delete", String.join(",", change.delete()));
        }
        form.add("digest", change.digest());
        if (guest.type() == GuestType.QEMU) {
            // POST runs in a worker (hotplug, disk allocation) and answers with its UPID
            JsonNode d = client(conn).post(guestPath(guest, "config"), form);
            return d.isTextual() && Upid.isUpid(d.textValue()) ? Optional.of(Upid.parse(d.textValue())) : Optional.empty();
        }
        client(conn).put(guestPath(guest, "config"), form); // LXC has only the synchronous PUT
        return Optional.empty();
    }

    @Override
    @Retry(maxRetries = 3, delay = 1000, jitter = 500, retryOn = PveLockTimeoutException.class)
    public Optional<Upid> tagAsOwned(PveNodeConnection conn, GuestRef guest, UUID proximaVmId) {
        GuestConfig cfg = config(conn, guest);
        if (cfg.proximaVmId() != null && !cfg.proximaVmId().equals(proximaVmId)) {
            throw new PveGuestNotOursException(guest.node(), guest.vmid(), proximaVmId, cfg.proximaVmId());
        }
        Set<String> tags = new LinkedHashSet<>(cfg.tags());
        tags.removeIf(t -> t.startsWith(GuestIdentity.TAG_PREFIX));
        tags.add(GuestIdentity.tag(proximaVmId));
        return updateConfig(conn, guest, ConfigChange.builder().tags(tags).digest(cfg.digest()).build());
    }

    @Override
    @Retry(maxRetries = 3, delay = 1000, jitter = 500, retryOn = PveLockTimeoutException.class)
    public Optional<Upid> setNicFirewall(PveNodeConnection conn, GuestRef guest, int nic, boolean enabled) {
        return rewriteNic(conn, guest, nic, "firewall", enabled ? "1" : "0");
    }

    @Override
    @Retry(maxRetries = 3, delay = 1000, jitter = 500, retryOn = PveLockTimeoutException.class)
    public Optional<Upid> setNicRateLimit(PveNodeConnection conn, GuestRef guest, int nic, Integer mbPerSecond) {
        return rewriteNic(conn, guest, nic, "rate", mbPerSecond == null ? null : Integer.toString(mbPerSecond));
    }

    /** Rewrites one option of {@code netN}, keeping the others (MAC address included), guarded by the digest. */
    private Optional<Upid> rewriteNic(PveNodeConnection conn, GuestRef guest, int nic, String option, String value) {
        GuestConfig cfg = config(conn, guest);
        String key = "net" + nic;
        String current = cfg.get(key).orElseThrow(() -> new PveNotFoundException("guest has no " + key, 0));
        Map<String, String> parts = new LinkedHashMap<>();
        List<String> bare = new ArrayList<>();
        for (String p : current.split(",")) {
            int eq = p.indexOf('=');
            if (eq < 0) {
                bare.add(p);
            } else {
                parts.put(p.substring(0, eq), p.substring(eq + 1));
            }
        }
        if (value == null) {
            parts.remove(option);
        } else {
            parts.put(option, value);
        }
        String rewritten = parts.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(","));
        rewritten = bare.isEmpty() ? rewritten : String.join(",", bare) + (rewritten.isEmpty() ? "" : "," + rewritten);
        return updateConfig(conn, guest, ConfigChange.builder().set(key, rewritten).digest(cfg.digest()).build());
    }

    @Override
    @Retry(maxRetries = 3, delay = 1000, jitter = 500, retryOn = PveLockTimeoutException.class)
    public Upid resizeDisk(PveNodeConnection conn, GuestRef guest, UUID proximaVmId, String disk, String size) {
        GuestConfig cfg = requireOurs(conn, guest, proximaVmId);
        PveParams form = PveParams.create().add("disk", disk).add("size", size).add("digest", cfg.digest());
        return upid(client(conn).put(guestPath(guest, "resize"), form), "resize");
    }

    /** Reads the config and refuses unless the guest carries this Proxima id (PVE reuses vmids). */
    private GuestConfig requireOurs(PveNodeConnection conn, GuestRef guest, UUID expected) {
        if (expected == null) {
            throw new IllegalArgumentException("a destructive call needs the Proxima VM id the guest must carry");
        }
        GuestConfig cfg = config(conn, guest);
        if (!expected.equals(cfg.proximaVmId())) {
            throw new PveGuestNotOursException(guest.node(), guest.vmid(), expected, cfg.proximaVmId());
        }
        return cfg;
    }

    // --- status and power --------------------------------------------------------------------

    @Override
    @Retry(maxRetries = 2, delay = 500, jitter = 250, retryOn = {PveUnreachableException.class, PveTimeoutException.class},
            abortOn = PveTlsTrustException.class)
    @Timeout(value = 60, unit = ChronoUnit.SECONDS)
    public GuestStatus status(PveNodeConnection conn, GuestRef guest) {
        return PveMappers.status(guest, client(conn).get(guestPath(guest, "status", "current"), null));
    }

    @Override
    @Retry(maxRetries = 3, delay = 1000, jitter = 500, retryOn = PveLockTimeoutException.class)
    public Upid power(PveNodeConnection conn, GuestRef guest, PowerAction action, UUID proximaVmId) {
        if (action == PowerAction.RESET && guest.type() == GuestType.LXC) {
            throw new IllegalArgumentException("containers have no reset; stop and start instead");
        }
        if (action.destructive()) {
            requireOurs(conn, guest, proximaVmId);
        }
        return upid(client(conn).post(guestPath(guest, "status", action.pveName()), PveParams.create()), action.pveName());
    }

    @Override
    @Retry(maxRetries = 3, delay = 1000, jitter = 500, retryOn = PveLockTimeoutException.class)
    public Upid destroy(PveNodeConnection conn, GuestRef guest, UUID proximaVmId) {
        requireOurs(conn, guest, proximaVmId);
        PveParams q = PveParams.create().flag("purge", true).flag("destroy-unreferenced-disks", true);
        return upid(client(conn).delete(guestPath(guest), q), "destroy");
    }

    // --- snapshots ---------------------------------------------------------------------------

    @Override
    @Retry(maxRetries = 2, delay = 500, jitter = 250, retryOn = {PveUnreachableException.class, PveTimeoutException.class},
            abortOn = PveTlsTrustException.class)
    @Timeout(value = 60, unit = ChronoUnit.SECONDS)
    public List<Snapshot> snapshots(PveNodeConnection conn, GuestRef guest) {
        return PveMappers.snapshots(client(conn).get(guestPath(guest, "snapshot"), null));
    }

    @Override
    @Retry(maxRetries = 3, delay = 1000, jitter = 500, retryOn = PveLockTimeoutException.class)
    public Upid createSnapshot(PveNodeConnection conn, GuestRef guest, String name, String description) {
        PveParams form = PveParams.create().add("snapname", Snapshot.requireValidName(name))
                .add("description", description == null || description.isEmpty() ? null : description);
        return upid(client(conn).post(guestPath(guest, "snapshot"), form), "snapshot");
    }

    @Override
    @Retry(maxRetries = 3, delay = 1000, jitter = 500, retryOn = PveLockTimeoutException.class)
    public Upid deleteSnapshot(PveNodeConnection conn, GuestRef guest, String name, UUID proximaVmId) {
        requireOurs(conn, guest, proximaVmId);
        return upid(client(conn).delete(guestPath(guest, "snapshot", Snapshot.requireValidName(name)), null), "delsnapshot");
    }

    @Override
    @Retry(maxRetries = 3, delay = 1000, jitter = 500, retryOn = PveLockTimeoutException.class)
    public Upid rollbackSnapshot(PveNodeConnection conn, GuestRef guest, String name, UUID proximaVmId) {
        requireOurs(conn, guest, proximaVmId);
        return upid(client(conn).post(guestPath(guest, "snapshot", Snapshot.requireValidName(name), "rollback"),
                PveParams.create()), "rollback");
    }

    // --- firewall ----------------------------------------------------------------------------

    @Override
    @Retry(maxRetries = 2, delay = 500, jitter = 250, retryOn = {PveUnreachableException.class, PveTimeoutException.class},
            abortOn = PveTlsTrustException.class)
    @Timeout(value = 60, unit = ChronoUnit.SECONDS)
    public FirewallRules firewallRules(PveNodeConnection conn, GuestRef guest) {
        return PveMappers.rules(client(conn).get(guestPath(guest, "firewall", "rules"), null));
    }

    private static PveParams ruleForm(FirewallRule r, boolean update) {
        PveParams form = PveParams.create().add("type", r.direction()).add("action", r.action())
                .add("enable", r.enabled() ? 1 : 0)
                .add("source", r.source()).add("dest", r.dest()).add("proto", r.proto()).add("dport", r.dport())
                .add("sport", r.sport()).add("macro", r.macro()).add("iface", r.iface()).add("comment", r.comment());
        if (update) {
            // a replacement clears what the new rule leaves out (PVE wants delete=, never empty values)
            List<String> cleared = new ArrayList<>();
            Map<String, String> optional = new LinkedHashMap<>();
            optional.put("source", r.source());
            optional.put("dest", r.dest());
            optional.put("proto", r.proto());
            optional.put("dport", r.dport());
            optional.put("sport", r.sport());
            optional.put("macro", r.macro());
            optional.put("iface", r.iface());
            optional.put("comment", r.comment());
            optional.forEach((k, v) -> {
                if (v == null) {
                    cleared.add(k);
                }
            });
            form.add("delete", cleared.isEmpty() ? null : String.join(",", cleared));
        }
        return form;
    }

    @Override
    @Retry(maxRetries = 3, delay = 1000, jitter = 500, retryOn = PveLockTimeoutException.class)
    public void addFirewallRule(PveNodeConnection conn, GuestRef guest, FirewallRule rule, String digest) {
        client(conn).post(guestPath(guest, "firewall", "rules"), ruleForm(rule, false).add("digest", digest));
    }

    @Override
    @Retry(maxRetries = 3, delay = 1000, jitter = 500, retryOn = PveLockTimeoutException.class)
    public void updateFirewallRule(PveNodeConnection conn, GuestRef guest, int pos, FirewallRule rule, String digest) {
        client(conn).put(guestPath(guest, "firewall", "rules", pos), ruleForm(rule, true).add("digest", digest));
    }

    @Override
    @Retry(maxRetries = 3, delay = 1000, jitter = 500, retryOn = PveLockTimeoutException.class)
    public void deleteFirewallRule(PveNodeConnection conn, GuestRef guest, int pos, String digest) {
        client(conn).delete(guestPath(guest, "firewall", "rules", pos), PveParams.create().add("digest", digest));
    }

    @Override
    @Retry(maxRetries = 3, delay = 1000, jitter = 500, retryOn = PveLockTimeoutException.class)
    public void moveFirewallRule(PveNodeConnection conn, GuestRef guest, int pos, int moveto, String digest) {
        // with moveto PVE ignores every other argument of the update
        client(conn).put(guestPath(guest, "firewall", "rules", pos), PveParams.create().add("moveto", moveto).add("digest", digest));
    }

    @Override
    @Retry(maxRetries = 2, delay = 500, jitter = 250, retryOn = {PveUnreachableException.class, PveTimeoutException.class},
            abortOn = PveTlsTrustException.class)
    @Timeout(value = 60, unit = ChronoUnit.SECONDS)
    public FirewallOptions firewallOptions(PveNodeConnection conn, GuestRef guest) {
        return PveMappers.firewallOptions(client(conn).get(guestPath(guest, "firewall", "options"), null));
    }

    @Override
    @Retry(maxRetries = 3, delay = 1000, jitter = 500, retryOn = PveLockTimeoutException.class)
    public void setFirewallOptions(PveNodeConnection conn, GuestRef guest, FirewallOptions o) {
        PveParams form = PveParams.create().flag("enable", o.enabled()).add("policy_in", o.policyIn())
                .add("policy_out", o.policyOut()).flag("ipfilter", o.ipFilter()).flag("macfilter", o.macFilter())
                .add("digest", o.digest());
        client(conn).put(guestPath(guest, "firewall", "options"), form);
    }

    @Override
    @Retry(maxRetries = 2, delay = 500, jitter = 250, retryOn = {PveUnreachableException.class, PveTimeoutException.class},
            abortOn = PveTlsTrustException.class)
    @Timeout(value = 60, unit = ChronoUnit.SECONDS)
    public boolean clusterFirewallEnabled(PveNodeConnection conn) {
        return PveJson.flag(client(conn).get("/cluster/firewall/options", null), "enable");
    }

    @Override
    @Retry(maxRetries = 3, delay = 1000, jitter = 500, retryOn = PveLockTimeoutException.class)
    public void setClusterFirewallEnabled(PveNodeConnection conn, boolean enabled) {
        // typed integer (not boolean) in the schema; 1/0 either way
        client(conn).put("/cluster/firewall/options", PveParams.create().add("enable", enabled ? 1 : 0));
    }

    // --- migration, metrics, consoles --------------------------------------------------------

    @Override
    public Upid migrate(PveNodeConnection conn, GuestRef guest, String targetNode, UUID proximaVmId) {
        requireOurs(conn, guest, proximaVmId);
        boolean running = status(conn, guest).state() != PowerState.STOPPED;
        PveParams form = PveParams.create().add("target", targetNode);
        if (guest.type() == GuestType.QEMU) {
            form.flagIfTrue("online", running);
        } else {
            // containers cannot live-migrate: a running one is stopped, moved and started
            form.flagIfTrue("restart", running);
        }
        return upid(client(conn).post(guestPath(guest, "migrate"), form), "migrate");
    }

    @Override
    @Retry(maxRetries = 2, delay = 500, jitter = 250, retryOn = {PveUnreachableException.class, PveTimeoutException.class},
            abortOn = PveTlsTrustException.class)
    @Timeout(value = 60, unit = ChronoUnit.SECONDS)
    public List<RrdPoint> guestRrd(PveNodeConnection conn, GuestRef guest, RrdTimeframe timeframe, RrdConsolidation cf) {
        return PveMappers.rrd(client(conn).get(guestPath(guest, "rrddata"), rrdParams(timeframe, cf)));
    }

    @Override
    public ConsoleTicket vncProxy(PveNodeConnection conn, GuestRef guest) {
        JsonNode d = client(conn).post(guestPath(guest, "vncproxy"), PveParams.create().flag("websocket", true));
        return PveMappers.console(ConsoleTicket.Kind.VNC, guest, d);
    }

    @Override
    public ConsoleTicket termProxy(PveNodeConnection conn, GuestRef guest) {
        JsonNode d = client(conn).post(guestPath(guest, "termproxy"), PveParams.create());
        return PveMappers.console(ConsoleTicket.Kind.TERMINAL, guest, d);
    }
}
