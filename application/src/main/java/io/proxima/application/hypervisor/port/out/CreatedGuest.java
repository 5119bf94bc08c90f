package io.proxima.application.hypervisor.port.out;

import java.util.Objects;

/** A guest whose creation (clone or create) was accepted: where it will live and the task to wait for. */
public record CreatedGuest(GuestRef guest, Upid upid) {

    public CreatedGuest {
        Objects.requireNonNull(guest, "guest");
        Objects.requireNonNull(upid, "upid");
    }
}
