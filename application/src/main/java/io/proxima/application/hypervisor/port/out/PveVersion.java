package io.proxima.application.hypervisor.port.out;

/** {@code GET /version}: e.g. version {@code 9.1.2}, release {@code 9.1}. */
public record PveVersion(String version, String release, String repoid) {
}
