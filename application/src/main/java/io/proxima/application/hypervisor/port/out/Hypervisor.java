package io.proxima.application.hypervisor.port.out;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Proxima's view of a Proxmox VE cluster. Every call names the connection it goes through (the
 * node records live in the database). Asynchronous PVE operations return their {@link Upid} at
 * once so a saga can persist it before it waits with {@link #awaitTask}. Destructive calls take
 * the Proxima VM id the guest must carry and throw
 * {@link io.proxima.application.hypervisor.PveGuestNotOursException} before touching any other
 * guest. Failures are subclasses of {@link io.proxima.application.hypervisor.PveException}.
 */
public interface Hypervisor {

    // --- cluster and nodes ---------------------------------------------------------------

    /** The PVE version; also the connectivity probe of "test connection". */
    PveVersion version(PveNodeConnection conn);

    /** The cluster's nodes, online or not. */
    List<PveNode> nodes(PveNodeConnection conn);

    /** CPU, memory, disk and load of one node. */
    NodeStatus nodeStatus(PveNodeConnection conn, String node);

    /** Every guest, node and storage of the cluster in one call (reconciliation, batch status). */
    List<ClusterResource> clusterResources(PveNodeConnection conn, ResourceKind kind);

    /** A node's RRD history. */
    List<RrdPoint> nodeRrd(PveNodeConnection conn, String node, RrdTimeframe timeframe, RrdConsolidation cf);

    /** Volumes of one content type on a node's storage (ISOs, LXC templates ...). */
    List<StorageContentItem> storageContent(PveNodeConnection conn, String node, String storage, StorageContentType content);

    // --- vmids ---------------------------------------------------------------------------

    /** PVE's lowest free vmid. Reserves nothing: creation is what claims an id. */
    int nextFreeVmid(PveNodeConnection conn);

    /** Whether PVE considers this vmid free right now. */
    boolean isVmidFree(PveNodeConnection conn, int vmid);

    // --- creation ------------------------------------------------------------------------

    /** Clones a template; allocates a vmid when the spec has none, retrying with another on "already exists". */
    CreatedGuest cloneGuest(PveNodeConnection conn, CloneSpec spec);

    /** Creates an empty QEMU VM; same vmid rule as {@link #cloneGuest}. */
    CreatedGuest createQemu(PveNodeConnection conn, QemuCreateSpec spec);

    /** Creates an LXC container from an ostemplate; same vmid rule as {@link #cloneGuest}. */
    CreatedGuest createLxc(PveNodeConnection conn, LxcCreateSpec spec);

    // --- tasks ---------------------------------------------------------------------------

    /** One look at a task, asked on the node the UPID names. */
    TaskStatus taskStatus(PveNodeConnection conn, Upid upid);

    /** Waits with bounded backoff until the task stops; OK or WARNINGS return, anything else throws with the log's tail. */
    TaskResult awaitTask(PveNodeConnection conn, Upid upid, Duration timeout);

    /**
     * One look at a task without waiting: empty while it runs; its result when it ended with OK or
     * WARNINGS; otherwise throws {@link io.proxima.application.hypervisor.PveTaskFailedException}.
     * Sagas use this so that waiting for a long task never holds a worker.
     */
    default Optional<TaskResult> pollTask(PveNodeConnection conn, Upid upid) {
        TaskStatus status = taskStatus(conn, upid);
        if (status.running()) {
            return Optional.empty();
        }
        if (status.succeeded()) {
            return Optional.of(new TaskResult(upid, status.exitStatus(), status.exitStatus().startsWith("WARNINGS") ? 1 : 0));
        }
        throw new io.proxima.application.hypervisor.PveTaskFailedException(upid, status.exitStatus(),
                io.proxima.application.hypervisor.PveTaskFailedException.Kind.OTHER, taskLogTail(conn, upid, 20));
    }

    /** The last {@code lines} lines of a task's log. */
    List<String> taskLogTail(PveNodeConnection conn, Upid upid, int lines);

    // --- configuration -------------------------------------------------------------------

    /** The guest's config with its digest and the Proxima VM id it carries. */
    GuestConfig config(PveNodeConnection conn, GuestRef guest);

    /** Applies a config change; returns the task when PVE ran it in the background (QEMU), empty when done. */
    Optional<Upid> updateConfig(PveNodeConnection conn, GuestRef guest, ConfigChange change);

    /** Marks a guest as Proxima's: writes the id tag (and keeps the other tags); returns a task like {@link #updateConfig}. */
    Optional<Upid> tagAsOwned(PveNodeConnection conn, GuestRef guest, UUID proximaVmId);

    /** Sets or clears {@code firewall=1} on NIC {@code netN}, keeping its other settings. */
    Optional<Upid> setNicFirewall(PveNodeConnection conn, GuestRef guest, int nic, boolean enabled);

    /** Sets the NIC's bandwidth limit in MB/s ({@code rate=}); null removes the limit. */
    Optional<Upid> setNicRateLimit(PveNodeConnection conn, GuestRef guest, int nic, Integer mbPerSecond);

    /** Grows a disk ({@code +10G} relative or {@code 50G} absolute); PVE cannot shrink. */
    Upid resizeDisk(PveNodeConnection conn, GuestRef guest, UUID proximaVmId, String disk, String size);

    // --- status and power ----------------------------------------------------------------

    /** Live status of one guest, read on its node (fresher than {@code /cluster/resources}). */
    GuestStatus status(PveNodeConnection conn, GuestRef guest);

    /** Starts, stops, shuts down, reboots, suspends, resumes or resets a guest. */
    Upid power(PveNodeConnection conn, GuestRef guest, PowerAction action, UUID proximaVmId);

    /** Destroys the guest with purge and its unreferenced disks, after checking it is Proxima's. */
    Upid destroy(PveNodeConnection conn, GuestRef guest, UUID proximaVmId);

    // --- snapshots -----------------------------------------------------------------------

    /** The guest's snapshots, oldest first, without PVE's {@code current} pseudo entry. */
    List<Snapshot> snapshots(PveNodeConnection conn, GuestRef guest);

    /** Takes a snapshot (without RAM). */
    Upid createSnapshot(PveNodeConnection conn, GuestRef guest, String name, String description);

    /** Deletes a snapshot, after checking the guest is Proxima's. */
    Upid deleteSnapshot(PveNodeConnection conn, GuestRef guest, String name, UUID proximaVmId);

    /** Rolls back to a snapshot, after checking the guest is Proxima's. */
    Upid rollbackSnapshot(PveNodeConnection conn, GuestRef guest, String name, UUID proximaVmId);

    // --- firewall ------------------------------------------------------------------------

    /** The guest's rules and their digest. */
    FirewallRules firewallRules(PveNodeConnection conn, GuestRef guest);

    /** Adds a rule (PVE inserts it at the top). */
    void addFirewallRule(PveNodeConnection conn, GuestRef guest, FirewallRule rule, String digest);

    /** Replaces the rule at {@code pos}. */
    void updateFirewallRule(PveNodeConnection conn, GuestRef guest, int pos, FirewallRule rule, String digest);

    /** Removes the rule at {@code pos}. */
    void deleteFirewallRule(PveNodeConnection conn, GuestRef guest, int pos, String digest);

    /**
     * Moves the rule at {@code pos} (PVE's {@code moveto}): it is placed before the rule that is at
     * {@code moveto} now, or last when {@code moveto} is past the end.
     */
    void moveFirewallRule(PveNodeConnection conn, GuestRef guest, int pos, int moveto, String digest);

    /** The guest's firewall options. */
    FirewallOptions firewallOptions(PveNodeConnection conn, GuestRef guest);

    /** Switches the guest's firewall and sets its default policies and filters. */
    void setFirewallOptions(PveNodeConnection conn, GuestRef guest, FirewallOptions options);

    /** Whether the datacenter-wide firewall switch is on (without it no guest rule filters anything). */
    boolean clusterFirewallEnabled(PveNodeConnection conn);

    /** Turns the datacenter-wide firewall switch on or off. */
    void setClusterFirewallEnabled(PveNodeConnection conn, boolean enabled);

    // --- migration, metrics, consoles ----------------------------------------------------

    /** Moves the guest to another node: online for a running QEMU VM, restart mode for a running container. */
    Upid migrate(PveNodeConnection conn, GuestRef guest, String targetNode, UUID proximaVmId);

    /** A guest's RRD history. */
    List<RrdPoint> guestRrd(PveNodeConnection conn, GuestRef guest, RrdTimeframe timeframe, RrdConsolidation cf);

    /** Opens a noVNC proxy (websocket mode) for the guest. */
    ConsoleTicket vncProxy(PveNodeConnection conn, GuestRef guest);

    /** Opens an xterm.js terminal proxy (serial console for QEMU). */
    ConsoleTicket termProxy(PveNodeConnection conn, GuestRef guest);
}
