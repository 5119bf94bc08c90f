package io.proxima.application.shared.port.out;

/** Encrypts secrets that must be stored but read back (TOTP seeds, PVE API tokens): AES-GCM at rest. */
public interface SecretCipher {

    /** Ciphertext as text, safe to store in a column; a fresh nonce each time. */
    String encrypt(String plaintext);

    /** Inverse of {@link #encrypt}; fails on tampered or foreign ciphertext. */
    String decrypt(String ciphertext);
}
