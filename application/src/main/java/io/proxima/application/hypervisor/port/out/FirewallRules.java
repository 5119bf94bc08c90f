package io.proxima.application.hypervisor.port.out;

import java.util.List;

/** A guest's rules in PVE order and the digest to send back with the next change. */
public record FirewallRules(List<FirewallRule> rules, String digest) {

    public FirewallRules {
        rules = rules == null ? List.of() : List.copyOf(rules);
    }
}
