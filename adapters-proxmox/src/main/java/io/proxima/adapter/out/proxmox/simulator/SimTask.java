package io.proxima.adapter.out.proxmox.simulator;

import java.util.ArrayList;
import java.util.List;

/** A simulated PVE worker task: running until its timer fires, then stopped with an exit status and a log. */
final class SimTask {

    final String upid;
    final String node;
    final long pid;
    final long pstart;
    final long starttime;
    final String type;
    final String id;
    final String user;
    volatile boolean running = true;
    volatile String exitStatus;
    final List<String> log = new ArrayList<>();

    SimTask(String upid, String node, long pid, long pstart, long starttime, String type, String id, String user) {
        this.upid = upid;
        this.node = node;
        this.pid = pid;
        this.pstart = pstart;
        this.starttime = starttime;
        this.type = type;
        this.id = id;
        this.user = user;
    }

    synchronized void log(String line) {
        log.add(line);
    }

    synchronized List<String> lines() {
        return List.copyOf(log);
    }
}
