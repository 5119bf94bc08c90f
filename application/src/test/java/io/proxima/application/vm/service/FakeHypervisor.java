package io.proxima.application.vm.service;

import io.proxima.application.hypervisor.PveAlreadyExistsException;
import io.proxima.application.hypervisor.PveGuestNotOursException;
import io.proxima.application.hypervisor.PveNotFoundException;
import io.proxima.application.hypervisor.PveTaskFailedException;
import io.proxima.application.hypervisor.port.out.*;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** An in-memory PVE for saga tests: guests, tasks, and failures injected per method call. */
class FakeHypervisor implements Hypervisor {

    static final class Guest {
        final int vmid;
        final String node;
        final GuestType type;
        final Map<String, String> config = new HashMap<>();
        UUID owner;
        PowerState state = PowerState.STOPPED;
        Set<String> tags = new LinkedHashSet<>();
        final List<String> snapshots = new ArrayList<>();

        Guest(int vmid, String node, GuestType type) {
            this.vmid = vmid;
            this.node = node;
            this.type = type;
        }
    }

    final Map<Integer, Guest> guests = new ConcurrentHashMap<>();
    final Map<String, RuntimeException> failedTasks = new ConcurrentHashMap<>();
    final Map<String, Deque<RuntimeException>> failures = new ConcurrentHashMap<>();
    final List<String> calls = new ArrayList<>();
    /** vmids handed out by nextFreeVmid, in order; falls back to the lowest free one. */
    final Deque<Integer> nextIds = new ArrayDeque<>();
    private final AtomicInteger taskSeq = new AtomicInteger();
    /** How many looks each task of a type answers "running" before it ends (a long clone ...). */
    final Map<String, Integer> taskLooks = new ConcurrentHashMap<>();
    private final Map<String, Integer> looksLeft = new ConcurrentHashMap<>();
    /** Power state a rollback leaves the guest in (PVE: stopped, unless the snapshot had RAM). */
    PowerState afterRollback = PowerState.STOPPED;

    FakeHypervisor withTemplate(String node, int vmid) {
        Guest t = new Guest(vmid, node, GuestType.QEMU);
        t.config.put("scsi0", "local-lvm:base-" + vmid + "-disk-0,size=10G");
        t.config.put("template", "1");
        guests.put(vmid, t);
        return this;
    }

    /** Methods after whose effect in PVE the runner "dies" once (the process is killed right after PVE accepted). */
    final Set<String> crashAfter = ConcurrentHashMap.newKeySet();
    /** Hooks run after a method's effect (e.g. to let time pass while a step runs). */
    final Map<String, Runnable> afterHooks = new ConcurrentHashMap<>();

    /** A simulated process death: an Error, so no code path of the runner handles it. */
    static final class Crash extends Error {
        Crash() {
            super("simulated process death");
        }
    }

    private void accepted(String method) {
        Runnable hook = afterHooks.get(method);
        if (hook != null) {
            hook.run();
        }
        if (crashAfter.remove(method)) {
            throw new Crash();
        }
    }

    /** The next call of {@code method} throws {@code e} (queued: several calls, several failures). */
    void failNext(String method, RuntimeException e) {
        failures.computeIfAbsent(method, k -> new ArrayDeque<>()).add(e);
    }

    private synchronized void enter(String method) {
        calls.add(method);
        Deque<RuntimeException> q = failures.get(method);
        if (q != null && !q.isEmpty()) {
            throw q.poll();
        }
    }

    private Upid task(String node, String type, int id) {
        String raw = String.format("UPID:%s:%08X:%08X:%08X:%s:%d:root@pam:", node, 1000 + taskSeq.incrementAndGet(), 42,
                Instant.parse("2026-01-01T00:00:00Z").getEpochSecond(), type, id);
        return Upid.parse(raw);
    }

    private Guest guestOf(GuestRef ref) {
        Guest g = guests.get(ref.vmid());
        if (g == null || !g.node.equals(ref.node())) {
            throw new PveNotFoundException("Configuration file 'nodes/" + ref.node() + "/qemu-server/" + ref.vmid() + ".conf' does not exist", 500);
        }
        return g;
    }

    private void checkOurs(GuestRef ref, UUID expected) {
        Guest g = guestOf(ref);
        if (!expected.equals(g.owner)) {
            throw new PveGuestNotOursException(ref.node(), ref.vmid(), expected, g.owner);
        }
    }

    @Override
    public PveVersion version(PveNodeConnection conn) {
        enter("version");
        return new PveVersion("9.1.1", "9.1", "fake");
    }

    @Override
    public List<PveNode> nodes(PveNodeConnection conn) {
        throw new AssertionError("not used by the saga tests");
    }

    @Override
    public NodeStatus nodeStatus(PveNodeConnection conn, String node) {
        throw new AssertionError("not used by the saga tests");
    }

    @Override
    public synchronized List<ClusterResource> clusterResources(PveNodeConnection conn, ResourceKind kind) {
        enter("clusterResources");
        List<ClusterResource> out = new ArrayList<>();
        for (Guest g : guests.values()) {
            // Like PVE's /cluster/resources: the id is known from the tags only.
            UUID tagged = g.owner != null && g.tags.contains("proxima-" + g.owner) ? g.owner : null;
            String type = g.type == GuestType.QEMU ? "qemu" : "lxc";
            out.add(new ClusterResource(type + "/" + g.vmid, type, g.node, g.vmid, g.config.get("name"),
                    g.state == PowerState.STOPPED ? "stopped" : "running", "1".equals(g.config.get("template")), null,
                    g.tags, tagged, 0, 1, 0, 0, 0, 0, 0, 0, 0, null));
        }
        return out;
    }

    @Override
    public List<RrdPoint> nodeRrd(PveNodeConnection conn, String node, RrdTimeframe timeframe, RrdConsolidation cf) {
        throw new AssertionError("not used by the saga tests");
    }

    @Override
    public List<StorageContentItem> storageContent(PveNodeConnection conn, String node, String storage, StorageContentType content) {
        throw new AssertionError("not used by the saga tests");
    }

    @Override
    public synchronized int nextFreeVmid(PveNodeConnection conn) {
        enter("nextFreeVmid");
        if (!nextIds.isEmpty()) {
            return nextIds.poll();
        }
        int id = 100;
        while (guests.containsKey(id)) {
            id++;
        }
        return id;
    }

    @Override
    public boolean isVmidFree(PveNodeConnection conn, int vmid) {
        return !guests.containsKey(vmid);
    }

    @Override
    public synchronized CreatedGuest cloneGuest(PveNodeConnection conn, CloneSpec spec) {
        enter("cloneGuest");
        Guest template = guestOf(spec.template());
        int vmid = spec.newVmid();
        if (guests.containsKey(vmid)) {
            throw new PveAlreadyExistsException("unable to create VM " + vmid + ": config file already exists", 500);
        }
        Guest g = new Guest(vmid, spec.node(), GuestType.QEMU);
        g.config.putAll(template.config);
        g.config.remove("template");
        g.config.put("scsi0", "local-lvm:vm-" + vmid + "-disk-0,size=10G");
        g.config.put("name", spec.name());
        g.owner = spec.proximaVmId();
        guests.put(vmid, g);
        afterClone(vmid);
        accepted("cloneGuest");
        return new CreatedGuest(GuestRef.qemu(spec.node(), vmid), task(spec.node(), "qmclone", template.vmid));
    }

    /** Hook for tests that crash right after PVE accepted a clone. */
    void afterClone(int vmid) {
    }

    @Override
    public CreatedGuest createQemu(PveNodeConnection conn, QemuCreateSpec spec) {
        throw new AssertionError("not used by the saga tests");
    }

    @Override
    public synchronized CreatedGuest createLxc(PveNodeConnection conn, LxcCreateSpec spec) {
        enter("createLxc");
        if (guests.containsKey(spec.vmid())) {
            throw new PveAlreadyExistsException("CT " + spec.vmid() + " already exists", 500);
        }
        Guest g = new Guest(spec.vmid(), spec.node(), GuestType.LXC);
        g.config.put("rootfs", spec.storage() + ":subvol-" + spec.vmid() + "-disk-0,size=" + spec.diskGb() + "G");
        g.config.put("hostname", spec.hostname());
        g.owner = spec.proximaVmId();
        guests.put(spec.vmid(), g);
        return new CreatedGuest(GuestRef.lxc(spec.node(), spec.vmid()), task(spec.node(), "vzcreate", spec.vmid()));
    }

    @Override
    public TaskStatus taskStatus(PveNodeConnection conn, Upid upid) {
        return new TaskStatus(upid, false, "OK");
    }

    @Override
    public Optional<TaskResult> pollTask(PveNodeConnection conn, Upid upid) {
        enter("pollTask:" + upid.type());
        Runnable hook = afterHooks.get("pollTask:" + upid.type()); // outside any lock: may wait for other workers
        if (hook != null) {
            hook.run();
        }
        int left = looksLeft.computeIfAbsent(upid.raw(), k -> taskLooks.getOrDefault(upid.type(), 0));
        if (left > 0) {
            looksLeft.put(upid.raw(), left - 1);
            return Optional.empty();
        }
        RuntimeException failure = failedTasks.remove(upid.type());
        if (failure != null) {
            throw failure;
        }
        return Optional.of(new TaskResult(upid, "OK", 0));
    }

    @Override
    public TaskResult awaitTask(PveNodeConnection conn, Upid upid, Duration timeout) {
        enter("awaitTask:" + upid.type());
        RuntimeException failure = failedTasks.remove(upid.type());
        if (failure != null) {
            throw failure;
        }
        return new TaskResult(upid, "OK", 0);
    }

    @Override
    public List<String> taskLogTail(PveNodeConnection conn, Upid upid, int lines) {
        return List.of();
    }

    @Override
    public GuestConfig config(PveNodeConnection conn, GuestRef guest) {
        enter("config");
        Guest g = guestOf(guest);
        return new GuestConfig(guest, Map.copyOf(g.config), "digest-" + g.config.hashCode(), g.owner);
    }

    @Override
    public Optional<Upid> updateConfig(PveNodeConnection conn, GuestRef guest, ConfigChange change) {
        enter("updateConfig");
        Guest g = guestOf(guest);
        g.config.putAll(change.set());
        change.delete().forEach(g.config::remove);
        return Optional.empty();
    }

    @Override
    public Optional<Upid> tagAsOwned(PveNodeConnection conn, GuestRef guest, UUID proximaVmId) {
        enter("tagAsOwned");
        guestOf(guest).tags.add("proxima-" + proximaVmId);
        return Optional.empty();
    }

    @Override
    public Optional<Upid> setNicFirewall(PveNodeConnection conn, GuestRef guest, int nic, boolean enabled) {
        throw new AssertionError("not used by the saga tests");
    }

    @Override
    public Optional<Upid> setNicRateLimit(PveNodeConnection conn, GuestRef guest, int nic, Integer mbPerSecond) {
        throw new AssertionError("not used by the saga tests");
    }

    @Override
    public Upid resizeDisk(PveNodeConnection conn, GuestRef guest, UUID proximaVmId, String disk, String size) {
        enter("resizeDisk");
        checkOurs(guest, proximaVmId);
        Guest g = guestOf(guest);
        g.config.put(disk, g.config.get(disk).replaceAll("size=[^,]+", "size=" + size));
        Upid upid = task(guest.node(), "resize", guest.vmid());
        accepted("resizeDisk");
        return upid;
    }

    @Override
    public GuestStatus status(PveNodeConnection conn, GuestRef guest) {
        enter("status");
        Guest g = guestOf(guest);
        return new GuestStatus(guest, g.state, null, g.config.get("name"), 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, g.tags, false);
    }

    @Override
    public Upid power(PveNodeConnection conn, GuestRef guest, PowerAction action, UUID proximaVmId) {
        enter("power:" + action.pveName());
        Guest g = guestOf(guest);
        if (action.destructive()) {
            checkOurs(guest, proximaVmId);
        }
        g.state = switch (action) {
            case START, RESUME, REBOOT, RESET -> PowerState.RUNNING;
            case STOP, SHUTDOWN -> PowerState.STOPPED;
            case SUSPEND -> PowerState.PAUSED;
        };
        Upid upid = task(guest.node(), "qm" + action.pveName(), guest.vmid());
        accepted("power:" + action.pveName());
        return upid;
    }

    @Override
    public Upid destroy(PveNodeConnection conn, GuestRef guest, UUID proximaVmId) {
        enter("destroy");
        checkOurs(guest, proximaVmId);
        guests.remove(guest.vmid());
        Upid upid = task(guest.node(), "qmdestroy", guest.vmid());
        accepted("destroy");
        return upid;
    }

    @Override
    public List<Snapshot> snapshots(PveNodeConnection conn, GuestRef guest) {
        enter("snapshots");
        return guestOf(guest).snapshots.stream().map(n -> new Snapshot(n, null, null, null, false)).toList();
    }

    @Override
    public synchronized Upid createSnapshot(PveNodeConnection conn, GuestRef guest, String name, String description) {
        enter("createSnapshot");
        guestOf(guest).snapshots.add(name);
        Upid upid = task(guest.node(), "qmsnapshot", guest.vmid());
        accepted("createSnapshot");
        return upid;
    }

    @Override
    public synchronized Upid deleteSnapshot(PveNodeConnection conn, GuestRef guest, String name, UUID proximaVmId) {
        enter("deleteSnapshot");
        checkOurs(guest, proximaVmId);
        guestOf(guest).snapshots.remove(name);
        return task(guest.node(), "qmdelsnapshot", guest.vmid());
    }

    @Override
    public synchronized Upid rollbackSnapshot(PveNodeConnection conn, GuestRef guest, String name, UUID proximaVmId) {
        enter("rollbackSnapshot");
        checkOurs(guest, proximaVmId);
        guestOf(guest).state = afterRollback;
        return task(guest.node(), "qmrollback", guest.vmid());
    }

    @Override
    public FirewallRules firewallRules(PveNodeConnection conn, GuestRef guest) {
        throw new AssertionError("not used by the saga tests");
    }

    @Override
    public void addFirewallRule(PveNodeConnection conn, GuestRef guest, FirewallRule rule, String digest) {
        throw new AssertionError("not used by the saga tests");
    }

    @Override
    public void updateFirewallRule(PveNodeConnection conn, GuestRef guest, int pos, FirewallRule rule, String digest) {
        throw new AssertionError("not used by the saga tests");
    }

    @Override
    public void deleteFirewallRule(PveNodeConnection conn, GuestRef guest, int pos, String digest) {
        throw new AssertionError("not used by the saga tests");
    }

    @Override
    public void moveFirewallRule(PveNodeConnection conn, GuestRef guest, int pos, int moveto, String digest) {
        throw new AssertionError("not used by the saga tests");
    }

    @Override
    public FirewallOptions firewallOptions(PveNodeConnection conn, GuestRef guest) {
        throw new AssertionError("not used by the saga tests");
    }

    @Override
    public void setFirewallOptions(PveNodeConnection conn, GuestRef guest, FirewallOptions options) {
        throw new AssertionError("not used by the saga tests");
    }

    @Override
    public boolean clusterFirewallEnabled(PveNodeConnection conn) {
        throw new AssertionError("not used by the saga tests");
    }

    @Override
    public void setClusterFirewallEnabled(PveNodeConnection conn, boolean enabled) {
        throw new AssertionError("not used by the saga tests");
    }

    @Override
    public synchronized Upid migrate(PveNodeConnection conn, GuestRef guest, String targetNode, UUID proximaVmId) {
        enter("migrate");
        checkOurs(guest, proximaVmId);
        Guest g = guestOf(guest);
        Guest moved = new Guest(g.vmid, targetNode, g.type);
        moved.config.putAll(g.config);
        moved.owner = g.owner;
        moved.state = g.state;
        moved.tags.addAll(g.tags);
        moved.snapshots.addAll(g.snapshots);
        guests.put(g.vmid, moved);
        Upid upid = task(guest.node(), "qmigrate", guest.vmid());
        accepted("migrate");
        return upid;
    }

    /** Moves a guest to another node behind Proxima's back (HA, an operator). */
    synchronized void moveBehindOurBack(int vmid, String node) {
        Guest g = guests.get(vmid);
        Guest moved = new Guest(vmid, node, g.type);
        moved.config.putAll(g.config);
        moved.owner = g.owner;
        moved.state = g.state;
        moved.tags.addAll(g.tags);
        guests.put(vmid, moved);
    }

    @Override
    public List<RrdPoint> guestRrd(PveNodeConnection conn, GuestRef guest, RrdTimeframe timeframe, RrdConsolidation cf) {
        throw new AssertionError("not used by the saga tests");
    }

    @Override
    public ConsoleTicket vncProxy(PveNodeConnection conn, GuestRef guest) {
        throw new AssertionError("not used by the saga tests");
    }

    @Override
    public ConsoleTicket termProxy(PveNodeConnection conn, GuestRef guest) {
        throw new AssertionError("not used by the saga tests");
    }

    PveTaskFailedException taskFailure(String type, PveTaskFailedException.Kind kind) {
        return new PveTaskFailedException(task("pve1", type, 0), "some failure", kind, List.of("line 1", "TASK ERROR: boom"));
    }
}
