package io.proxima.application.user.port.out;

import java.util.UUID;

/** What a user owns elsewhere (VMs), so an account is not deleted from under running guests. */
public interface UserResources {

    /** Guests of the user that are not deleted (or being deleted). */
    long activeVmCount(UUID userId);

    /** Starts the deletion of every guest of the user. */
    void terminateAll(UUID userId);
}
