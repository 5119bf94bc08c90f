package io.proxima.adapter.out.security;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;
import io.proxima.application.user.port.out.PasswordHasher;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Argon2id through password4j (pure Java: works in a native image). Hashes are PHC strings
 * ({@code $argon2id$v=19$m=19456,t=2,p=1$salt$hash}) that carry their own parameters, so old
 * hashes keep verifying after the configured parameters change, and are then rehashed at login.
 */
@ApplicationScoped
public class Argon2PasswordHasher implements PasswordHasher {

    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;

    private final Argon2Function function;
    private final String dummyHash;

    @Inject
    public Argon2PasswordHasher(@ConfigProperty(name = "proxima.security.argon2.memory-kib", defaultValue = "19456") int memoryKib,
                                @ConfigProperty(name = "proxima.security.argon2.iterations", defaultValue = "2") int iterations,
                                @ConfigProperty(name = "proxima.security.argon2.parallelism", defaultValue = "1") int parallelism) {
        this.function = Argon2Function.getInstance(memoryKib, iterations, parallelism, HASH_BYTES, Argon2.ID);
        this.dummyHash = hash("timing-equaliser-" + System.nanoTime());
    }

    @Override
    public String hash(String password) {
        return Password.hash(password).addRandomSalt(SALT_BYTES).with(function).getResult();
    }

    @Override
    public boolean verify(String password, String hash) {
        if (password == null || hash == null || !hash.startsWith("$argon2")) {
            return false;
        }
        try {
            return Argon2Function.getInstanceFromHash(hash).check(password, hash);
        } catch (RuntimeException malformed) {
            return false;
        }
    }

    @Override
    public boolean needsRehash(String hash) {
        try {
            Argon2Function stored = Argon2Function.getInstanceFromHash(hash);
            return stored.getMemory() != function.getMemory() || stored.getIterations() != function.getIterations()
                    || stored.getParallelism() != function.getParallelism() || stored.getVariant() != Argon2.ID
                    || stored.getOutputLength() != function.getOutputLength();
        } catch (RuntimeException malformed) {
            return true;
        }
    }

    @Override
    public void verifyDummy(String password) {
        verify(password == null ? "" : password, dummyHash);
    }
}
