package io.proxima.application.hypervisor.port.out;

/** A cluster member from {@code GET /nodes}: online or not, usage, and its certificate's SHA-256 fingerprint. */
public record PveNode(String node, boolean online, double cpu, int maxCpu, long mem, long maxMem, long uptime,
                      String sslFingerprint) {
}
