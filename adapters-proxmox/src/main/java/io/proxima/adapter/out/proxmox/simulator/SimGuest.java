package io.proxima.adapter.out.proxmox.simulator;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One simulated guest. Mutated only under its own monitor; the digest is a SHA-1 of the config, like PVE's. */
final class SimGuest {

    final int vmid;
    final String type; // qemu | lxc
    volatile String node;
    final Map<String, String> config = new LinkedHashMap<>();
    String status = "stopped"; // running | stopped
    String qmpStatus = "stopped";
    String lock;
    long startedAtMillis;
    final List<Snap> snapshots = new ArrayList<>();
    final List<Map<String, String>> rules = new ArrayList<>();
    final Map<String, String> firewallOptions = new LinkedHashMap<>();
    int rulesVersion;

    SimGuest(int vmid, String type, String node) {
        this.vmid = vmid;
        this.type = type;
        this.node = node;
    }

    boolean qemu() {
        return type.equals("qemu");
    }

    String kind() {
        return qemu() ? "VM" : "CT";
    }

    boolean running() {
        return status.equals("running");
    }

    boolean template() {
        return "1".equals(config.get("template"));
    }

    synchronized String digest() {
        return sha1(config.toString() + "|" + lock);
    }

    synchronized String rulesDigest() {
        return sha1(rules.toString() + "|" + firewallOptions + "|" + rulesVersion);
    }

    static String sha1(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    long maxMemBytes() {
        String m = config.getOrDefault("memory", "512");
        int eq = m.indexOf('=');
        return Long.parseLong(eq < 0 ? m : m.substring(eq + 1)) * 1024 * 1024;
    }

    long maxDiskBytes() {
        String disk = config.getOrDefault(qemu() ? "scsi0" : "rootfs", "");
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("size=(\\d+)G").matcher(disk);
        return m.find() ? Long.parseLong(m.group(1)) << 30 : 0;
    }

    /** A snapshot keeps the config it was taken from, so a rollback restores it. */
    record Snap(String name, String description, long snaptime, String parent, Map<String, String> config) {
    }
}
