package io.proxima.domain.vm;

import io.proxima.domain.shared.ValidationException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Set;

/**
 * One OpenSSH public key line ({@code type base64 [comment]}). The key blob is decoded and its
 * embedded type must match the declared one, so that garbage never reaches cloud-init.
 */
public record SshPublicKey(String value) {

    private static final Set<String> TYPES = Set.of("ssh-ed25519", "ssh-rsa", "ecdsa-sha2-nistp256",
            "ecdsa-sha2-nistp384", "ecdsa-sha2-nistp521", "sk-ssh-ed25519@openssh.com",
            "sk-ecdsa-sha2-nistp256@openssh.com");
    private static final int MAX_LENGTH = 16 * 1024;

    public SshPublicKey {
        value = parse(value, "ssh_keys");
    }

    /** Validates {@code raw} reporting errors against {@code field} (e.g. {@code ssh_keys[2]}). */
    public static SshPublicKey of(String field, String raw) {
        return new SshPublicKey(parse(raw, field));
    }

    private static String parse(String raw, String field) {
        if (raw == null || raw.isBlank() || raw.length() > MAX_LENGTH || raw.contains("\n") || raw.contains("\r")) {
            throw invalid(field);
        }
        String[] parts = raw.trim().split("\\s+", 3);
        if (parts.length < 2 || !TYPES.contains(parts[0])) {
            throw invalid(field);
        }
        byte[] blob;
        try {
            blob = Base64.getDecoder().decode(parts[1]);
        } catch (IllegalArgumentException e) {
            throw invalid(field);
        }
        if (blob.length < 4 + parts[0].length()) {
            throw invalid(field);
        }
        ByteBuffer buf = ByteBuffer.wrap(blob);
        int len = buf.getInt();
        if (len != parts[0].length() || buf.remaining() < len) {
            throw invalid(field);
        }
        byte[] type = new byte[len];
        buf.get(type);
        if (!parts[0].equals(new String(type, StandardCharsets.US_ASCII)) || !buf.hasRemaining()) {
            throw invalid(field);
        }
        return String.join(" ", parts);
    }

    private static ValidationException invalid(String field) {
        return ValidationException.of(field, "validation.ssh_key", "must be an OpenSSH public key (ssh-ed25519, ssh-rsa or ecdsa)");
    }
}
