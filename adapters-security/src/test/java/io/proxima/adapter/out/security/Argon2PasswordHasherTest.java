package io.proxima.adapter.out.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The production parameters' hashing path (OWASP m=19 MiB, t=2, p=1), and rehash detection. */
class Argon2PasswordHasherTest {

    @Test
    void production_parameters_hash_verify_and_detect_old_hashes() {
        Argon2PasswordHasher production = new Argon2PasswordHasher(19456, 2, 1);
        long start = System.nanoTime();
        String hash = production.hash("Correct-Horse-9");
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(hash).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
        assertThat(production.verify("Correct-Horse-9", hash)).isTrue();
        assertThat(production.verify("Correct-Horse-8", hash)).isFalse();
        assertThat(production.needsRehash(hash)).isFalse();
        assertThat(millis).as("one production hash takes real work").isGreaterThan(5);

        Argon2PasswordHasher cheap = new Argon2PasswordHasher(1024, 1, 1);
        String old = cheap.hash("Correct-Horse-9");
        assertThat(production.verify("Correct-Horse-9", old)).as("old hashes keep verifying").isTrue();
        assertThat(production.needsRehash(old)).isTrue();
        assertThat(production.verify("x", "not-a-hash")).isFalse();
        assertThat(production.needsRehash("garbage")).isTrue();
    }
}
