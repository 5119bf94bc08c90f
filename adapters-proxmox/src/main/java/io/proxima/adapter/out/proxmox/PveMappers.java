package io.proxima.adapter.out.proxmox;

import static io.proxima.adapter.out.proxmox.PveJson.doubleOf;
import static io.proxima.adapter.out.proxmox.PveJson.flag;
import static io.proxima.adapter.out.proxmox.PveJson.intOrNull;
import static io.proxima.adapter.out.proxmox.PveJson.items;
import static io.proxima.adapter.out.proxmox.PveJson.longOf;
import static io.proxima.adapter.out.proxmox.PveJson.text;

import com.fasterxml.jackson.databind.JsonNode;
import io.proxima.application.hypervisor.port.out.ClusterResource;
import io.proxima.application.hypervisor.port.out.ConsoleTicket;
import io.proxima.application.hypervisor.port.out.FirewallOptions;
import io.proxima.application.hypervisor.port.out.FirewallRule;
import io.proxima.application.hypervisor.port.out.FirewallRules;
import io.proxima.application.hypervisor.port.out.GuestConfig;
import io.proxima.application.hypervisor.port.out.GuestRef;
import io.proxima.application.hypervisor.port.out.GuestStatus;
import io.proxima.application.hypervisor.port.out.NodeStatus;
import io.proxima.application.hypervisor.port.out.PowerState;
import io.proxima.application.hypervisor.port.out.PveNode;
import io.proxima.application.hypervisor.port.out.PveVersion;
import io.proxima.application.hypervisor.port.out.RrdPoint;
import io.proxima.application.hypervisor.port.out.Snapshot;
import io.proxima.application.hypervisor.port.out.StorageContentItem;
import io.proxima.application.hypervisor.port.out.Upid;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** PVE JSON to port records. Every numeric read tolerates numbers sent as strings. */
final class PveMappers {

    private PveMappers() {
    }

    static PveVersion version(JsonNode d) {
        return new PveVersion(text(d, "version"), text(d, "release"), text(d, "repoid"));
    }

    static PveNode node(JsonNode n) {
        return new PveNode(text(n, "node"), "online".equals(text(n, "status")), doubleOf(n, "cpu", 0),
                (int) longOf(n, "maxcpu", 0), longOf(n, "mem", 0), longOf(n, "maxmem", 0), longOf(n, "uptime", 0),
                text(n, "ssl_fingerprint"));
    }

    static NodeStatus nodeStatus(String node, JsonNode d) {
        JsonNode cpuinfo = d.path("cpuinfo");
        JsonNode memory = d.path("memory");
        JsonNode rootfs = d.path("rootfs");
        List<Double> load = new ArrayList<>();
        for (JsonNode l : items(d.get("loadavg"))) {
            try {
                load.add(l.isNumber() ? l.asDouble() : Double.parseDouble(l.asText()));
            } catch (NumberFormatException ignored) {
                // PVE sends load as strings; skip anything unreadable rather than fail the status
            }
        }
        return new NodeStatus(node, doubleOf(d, "cpu", 0), (int) longOf(cpuinfo, "cpus", 0), text(cpuinfo, "model"),
                longOf(memory, "total", 0), longOf(memory, "used", 0), longOf(rootfs, "total", 0),
                longOf(rootfs, "used", 0), load, longOf(d, "uptime", 0), text(d, "pveversion"),
                text(d, "kversion") != null ? text(d, "kversion") : text(d.path("current-kernel"), "release"));
    }

    static ClusterResource resource(JsonNode r) {
        Set<String> tags = GuestConfig.splitTags(text(r, "tags"));
        UUID owner = GuestIdentity.fromTags(tags).orElse(null);
        return new ClusterResource(text(r, "id"), text(r, "type"), text(r, "node"), intOrNull(r, "vmid"),
                text(r, "name"), text(r, "status"), flag(r, "template"), text(r, "lock"), tags, owner,
                doubleOf(r, "cpu", 0), (int) longOf(r, "maxcpu", 0), longOf(r, "mem", 0), longOf(r, "maxmem", 0),
                longOf(r, "disk", 0), longOf(r, "maxdisk", 0), longOf(r, "uptime", 0), longOf(r, "netin", 0),
                longOf(r, "netout", 0), text(r, "storage"));
    }

    static GuestConfig config(GuestRef ref, JsonNode d) {
        Map<String, String> values = new LinkedHashMap<>();
        d.fields().forEachRemaining(f -> {
            if (!f.getKey().equals("digest") && !f.getValue().isNull() && !f.getValue().isContainerNode()) {
                values.put(f.getKey(), f.getValue().asText());
            }
        });
        UUID owner = GuestIdentity.fromTags(GuestConfig.splitTags(values.get("tags")))
                .or(() -> GuestIdentity.fromDescription(values.get("description"))).orElse(null);
        return new GuestConfig(ref, values, text(d, "digest"), owner);
    }

    static GuestStatus status(GuestRef ref, JsonNode d) {
        String status = text(d, "status");
        String qmp = text(d, "qmpstatus");
        String lock = text(d, "lock");
        PowerState state;
        if ("suspended".equals(lock)) {
            state = PowerState.SUSPENDED;
        } else if ("running".equals(status)) {
            state = "paused".equals(qmp) || "suspended".equals(qmp) ? PowerState.PAUSED : PowerState.RUNNING;
        } else if ("stopped".equals(status)) {
            state = PowerState.STOPPED;
        } else {
            state = PowerState.UNKNOWN;
        }
        return new GuestStatus(ref, state, lock, text(d, "name"), doubleOf(d, "cpu", 0), (int) longOf(d, "cpus", 0),
                longOf(d, "mem", 0), longOf(d, "maxmem", 0), longOf(d, "maxdisk", 0), longOf(d, "uptime", 0),
                longOf(d, "netin", 0), longOf(d, "netout", 0), longOf(d, "diskread", 0), longOf(d, "diskwrite", 0),
                GuestConfig.splitTags(text(d, "tags")), flag(d, "template"));
    }

    static List<Snapshot> snapshots(JsonNode d) {
        List<Snapshot> out = new ArrayList<>();
        for (JsonNode s : items(d)) {
            String name = text(s, "name");
            if (name == null || name.equals("current")) {
                continue; // PVE's "You are here!" pseudo entry
            }
            long t = longOf(s, "snaptime", 0);
            out.add(new Snapshot(name, text(s, "description"), text(s, "parent"), t == 0 ? null : Instant.ofEpochSecond(t),
                    flag(s, "vmstate")));
        }
        out.sort(Comparator.comparing(Snapshot::createdAt, Comparator.nullsLast(Comparator.naturalOrder())));
        return out;
    }

    static FirewallRules rules(JsonNode d) {
        List<FirewallRule> rules = new ArrayList<>();
        String digest = null;
        for (JsonNode r : items(d)) {
            digest = digest == null ? text(r, "digest") : digest;
            rules.add(new FirewallRule(intOrNull(r, "pos"), text(r, "type"), text(r, "action"), flag(r, "enable"),
                    text(r, "source"), text(r, "dest"), text(r, "proto"), text(r, "dport"), text(r, "sport"),
                    text(r, "macro"), text(r, "iface"), text(r, "comment")));
        }
        rules.sort(Comparator.comparing(FirewallRule::pos, Comparator.nullsLast(Comparator.naturalOrder())));
        return new FirewallRules(rules, digest);
    }

    static FirewallOptions firewallOptions(JsonNode d) {
        return new FirewallOptions(flag(d, "enable"), text(d, "policy_in"), text(d, "policy_out"), flag(d, "ipfilter"),
                flag(d, "macfilter"), text(d, "digest"));
    }

    static List<RrdPoint> rrd(JsonNode d) {
        List<RrdPoint> out = new ArrayList<>();
        for (JsonNode p : items(d)) {
            long t = longOf(p, "time", -1);
            if (t < 0) {
                continue;
            }
            Map<String, Double> values = new LinkedHashMap<>();
            p.fields().forEachRemaining(f -> {
                if (!f.getKey().equals("time") && !f.getValue().isNull()) {
                    double v = doubleOf(p, f.getKey(), Double.NaN);
                    if (!Double.isNaN(v)) {
                        values.put(f.getKey(), v);
                    }
                }
            });
            out.add(new RrdPoint(Instant.ofEpochSecond(t), values));
        }
        return out;
    }

    static ConsoleTicket console(ConsoleTicket.Kind kind, GuestRef ref, JsonNode d) {
        String upid = text(d, "upid");
        return new ConsoleTicket(kind, ref, (int) longOf(d, "port", 0), text(d, "ticket"), text(d, "password"),
                text(d, "user"), upid != null && Upid.isUpid(upid) ? Upid.parse(upid) : null);
    }

    static StorageContentItem content(JsonNode c) {
        long ctime = longOf(c, "ctime", 0);
        return new StorageContentItem(text(c, "volid"), text(c, "content"), text(c, "format"), longOf(c, "size", 0),
                ctime == 0 ? null : Instant.ofEpochSecond(ctime), intOrNull(c, "vmid"));
    }
}
