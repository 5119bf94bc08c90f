package io.proxima.application.hypervisor;

import io.proxima.domain.shared.ErrorCode;
import java.util.UUID;

/**
 * Refused before any destructive call: the guest at that (node, vmid) does not carry the
 * expected Proxima VM id. PVE reuses vmids, so this guards against destroying someone else's guest.
 */
public class PveGuestNotOursException extends PveException {

    public PveGuestNotOursException(String node, int vmid, UUID expected, UUID found) {
        super(ErrorCode.CONFLICT, "error.conflict",
                "guest " + vmid + " on " + node + " carries Proxima id " + (found == null ? "(none)" : found)
                        + ", expected " + expected + "; refusing to touch it", 0);
    }
}
