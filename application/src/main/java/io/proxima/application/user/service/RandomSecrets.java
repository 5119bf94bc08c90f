package io.proxima.application.user.service;

import java.security.SecureRandom;
import java.util.Base64;

/** Random tokens and codes from one {@link SecureRandom}. */
final class RandomSecrets {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] BASE32 = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();

    private RandomSecrets() {
    }

    /** {@code bytes} random bytes, URL-safe Base64 without padding. */
    static String token(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    static String sixDigits() {
        return String.format("%06d", RANDOM.nextInt(1_000_000));
    }

    /** Lower-case Base32 characters: unambiguous in print, for prefixes and recovery codes. */
    static String base32(int length) {
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(BASE32[RANDOM.nextInt(BASE32.length)]);
        }
        return sb.toString();
    }
}
