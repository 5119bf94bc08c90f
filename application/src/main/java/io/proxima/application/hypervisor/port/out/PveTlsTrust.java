package io.proxima.application.hypervisor.port.out;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * How a node's certificate is trusted. Exactly one way: a pinned SHA-256 fingerprint of the leaf
 * certificate (what PVE itself does between nodes), a CA file in PEM, the JVM's default trust
 * store (publicly signed, e.g. ACME, certificates), or the explicit {@code insecure} flag, which
 * the adapter logs as a warning on every client it builds and which the node's status shows.
 */
public record PveTlsTrust(Mode mode, String sha256Fingerprint, String caFile) {

    private static final Pattern FINGERPRINT = Pattern.compile("([A-Fa-f0-9]{2}:){31}[A-Fa-f0-9]{2}");

    /** Which trust rule applies. */
    public enum Mode { SYSTEM, PINNED_FINGERPRINT, CA_FILE, INSECURE }

    public PveTlsTrust {
        if (mode == null) {
            throw new IllegalArgumentException("TLS trust mode is required");
        }
        switch (mode) {
            case PINNED_FINGERPRINT -> {
                if (sha256Fingerprint == null || !FINGERPRINT.matcher(sha256Fingerprint).matches()) {
                    throw new IllegalArgumentException("fingerprint must be 32 colon-separated hex bytes (SHA-256)");
                }
                sha256Fingerprint = sha256Fingerprint.toUpperCase(Locale.ROOT);
                caFile = null;
            }
            case CA_FILE -> {
                if (caFile == null || caFile.isBlank()) {
                    throw new IllegalArgumentException("CA file path is required");
                }
                sha256Fingerprint = null;
            }
            default -> {
                sha256Fingerprint = null;
                caFile = null;
            }
        }
    }

    public static PveTlsTrust system() {
        return new PveTlsTrust(Mode.SYSTEM, null, null);
    }

    public static PveTlsTrust pinned(String sha256Fingerprint) {
        return new PveTlsTrust(Mode.PINNED_FINGERPRINT, sha256Fingerprint, null);
    }

    public static PveTlsTrust caFile(String path) {
        return new PveTlsTrust(Mode.CA_FILE, null, path);
    }

    /** Verification off. Only with an operator's explicit choice; always logged as a warning. */
    public static PveTlsTrust insecure() {
        return new PveTlsTrust(Mode.INSECURE, null, null);
    }

    public boolean isInsecure() {
        return mode == Mode.INSECURE;
    }
}
