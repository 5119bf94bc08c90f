package io.proxima.application.hypervisor.port.out;

/** A guest's firewall options: the per-guest switch, default policies, anti-spoofing filters and the digest. */
public record FirewallOptions(boolean enabled, String policyIn, String policyOut, boolean ipFilter, boolean macFilter,
                              String digest) {

    public FirewallOptions {
        policyIn = policyIn == null ? "DROP" : policyIn;
        policyOut = policyOut == null ? "ACCEPT" : policyOut;
    }
}
