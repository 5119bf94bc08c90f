package io.proxima.application.user.port.in;

/** Periodic cleanup of expired sessions and revocation entries. */
public interface IdentityHousekeepingUseCase {

    int purgeExpired();
}
