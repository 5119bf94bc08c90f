package io.proxima.adapter.out.proxmox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** {@code proxima.pve.*}: the PVE client's tunables and the built-in simulator. */
@ConfigMapping(prefix = "proxima.pve")
public interface PveConfig {

    Client client();

    Simulator simulator();

    /** How the adapter talks to PVE. */
    interface Client {
        @WithDefault("5s")
        Duration connectTimeout();

        /** Longest silence on one HTTP call (PVE forwards between nodes with a 30 s limit). */
        @WithDefault("30s")
        Duration requestTimeout();

        @WithDefault("250ms")
        Duration taskPollInitial();

        @WithDefault("2s")
        Duration taskPollMax();

        /** A fresh UPID may briefly answer "no such task"; keep polling this long. */
        @WithDefault("10s")
        Duration taskNotVisibleGrace();

        @WithDefault("8")
        int vmidAttempts();

        @WithDefault("5")
        int breakerFailureThreshold();

        @WithDefault("30s")
        Duration breakerOpenFor();

        /** Tickets live 2 h; renew well before. */
        @WithDefault("1h")
        Duration ticketRenewAfter();

        /** PVE runs 3 pveproxy workers per node by default; more connections only queue there. */
        @WithDefault("6")
        int maxConnectionsPerNode();
    }

    /** The built-in PVE simulator; never on unless enabled. */
    interface Simulator {
        @WithDefault("false")
        boolean enabled();

        @WithDefault("127.0.0.1")
        String host();

        /** 0 picks a free port; the chosen URL is published by {@code SimulatedPveCluster}. */
        @WithDefault("18006")
        int port();

        /** PVE node names of the simulated cluster; each gets a QEMU template and an LXC ostemplate. */
        @WithDefault("pve-sim1,pve-sim2")
        List<String> nodes();

        @WithDefault("proxima@pve!simulator")
        String tokenId();

        /** Fixed secret for the simulated token; a random one per start when unset. */
        Optional<String> tokenSecret();

        /** How long each simulated task runs before it stops. */
        @WithDefault("1s")
        Duration taskDuration();

        /** Guests created at start (besides the templates): load for reconciliation and the bench. */
        @WithDefault("0")
        int seedGuests();

        /** Durations per task type overriding {@code task-duration}, e.g. {@code qmclone=30s,vzcreate=30s}. */
        Optional<String> taskDurations();

        /** Fault injection: the share (0..1) of API calls answered with a transient 500 ("got timeout"). */
        @WithDefault("0")
        double errorRate();

        /** Fault injection: how long every answer is delayed. */
        @WithDefault("0s")
        Duration latency();
    }
}
