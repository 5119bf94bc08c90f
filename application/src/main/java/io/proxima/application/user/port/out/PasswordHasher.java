package io.proxima.application.user.port.out;

/** Argon2id password hashing with the configured parameters (PHC string format). */
public interface PasswordHasher {

    String hash(String password);

    boolean verify(String password, String hash);

    /** True when the hash was made with other parameters than the configured ones. */
    boolean needsRehash(String hash);

    /**
     * Spends the time of one verification on nothing: called when there is no account, so that
     * an unknown user and a wrong password cannot be told apart by timing.
     */
    void verifyDummy(String password);
}
