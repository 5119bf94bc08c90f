package io.proxima.adapter.out.security;

import io.proxima.application.shared.port.out.SecretCipher;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * AES-256-GCM (JCA) for secrets stored in the database. The key is {@code PROXIMA_SECRETS_KEY}
 * (Base64, 16/24/32 bytes) or, in the embedded default, {@code secrets.key} generated in the data
 * directory. Ciphertext format: {@code v1:} + Base64(12-byte nonce || ciphertext+tag).
 */
@ApplicationScoped
@io.quarkus.runtime.Startup // a missing key refuses the start, not the first request
public class AesGcmSecretCipher implements SecretCipher {

    private static final Logger LOG = Logger.getLogger(AesGcmSecretCipher.class);
    private static final String VERSION = "v1:";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKey key;

    /** With a generated key allowed (the embedded default; tests). */
    public AesGcmSecretCipher(Optional<String> configuredKey, String dataDir) {
        this(configuredKey, dataDir, true);
    }

    @Inject
    public AesGcmSecretCipher(@ConfigProperty(name = "proxima.secrets.key") Optional<String> configuredKey,
                              @ConfigProperty(name = "proxima.data-dir", defaultValue = ".proxima") String dataDir,
                              @ConfigProperty(name = KeyFiles.GENERATE_SETTING, defaultValue = "false") boolean generate) {
        String encoded;
        if (configuredKey.isPresent() && !configuredKey.get().isBlank()) {
            encoded = configuredKey.get().trim();
        } else {
            KeyFiles.requireConfiguredUnlessGenerating(generate, "PROXIMA_SECRETS_KEY", "proxima.secrets.key");
            Path file = Path.of(dataDir, "secrets.key");
            encoded = KeyFiles.readOrCreate(file, () -> {
                LOG.infof("No PROXIMA_SECRETS_KEY set: generated a new AES key in %s", file.toAbsolutePath());
                byte[] k = new byte[32];
                RANDOM.nextBytes(k);
                return Base64.getEncoder().encodeToString(k);
            }).trim();
        }
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(encoded);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("PROXIMA_SECRETS_KEY is not valid Base64");
        }
        if (raw.length != 16 && raw.length != 24 && raw.length != 32) {
            throw new IllegalStateException("PROXIMA_SECRETS_KEY must decode to 16, 24 or 32 bytes (AES), not " + raw.length);
        }
        this.key = new SecretKeySpec(raw, "AES");
    }

    @Override
    public String encrypt(String plaintext) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            RANDOM.nextBytes(nonce);
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            byte[] ct = c.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            return VERSION + Base64.getEncoder().encodeToString(ByteBuffer.allocate(nonce.length + ct.length)
                    .put(nonce).put(ct).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption failed", e);
        }
    }

    @Override
    public String decrypt(String ciphertext) {
        if (ciphertext == null || !ciphertext.startsWith(VERSION)) {
            throw new IllegalArgumentException("not a Proxima ciphertext");
        }
        try {
            byte[] all = Base64.getDecoder().decode(ciphertext.substring(VERSION.length()));
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, all, 0, NONCE_BYTES));
            return new String(c.doFinal(all, NONCE_BYTES, all.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("cannot decrypt a stored secret: wrong PROXIMA_SECRETS_KEY or tampered data", e);
        }
    }
}
