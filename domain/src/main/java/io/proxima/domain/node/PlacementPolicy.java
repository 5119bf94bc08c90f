package io.proxima.domain.node;

import io.proxima.domain.shared.DomainException;
import io.proxima.domain.shared.ErrorCode;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * SPEC section 5, Placement: among the enabled, online nodes of the requested location where the
 * guest fits under the overcommit ratios, the one with the most free memory; ties go to the
 * most free cores, then the name, so the choice is deterministic.
 */
public final class PlacementPolicy {

    private PlacementPolicy() {
    }

    public static Optional<NodeCapacity> choose(List<NodeCapacity> nodes, int cores, int memoryMb, String location) {
        return nodes.stream()
                .filter(NodeCapacity::enabled)
                .filter(NodeCapacity::online)
                .filter(n -> location == null || location.isBlank() || location.equalsIgnoreCase(n.location()))
                .filter(n -> n.fits(cores, memoryMb))
                .max(Comparator.comparingLong(NodeCapacity::freeMemoryMb)
                        .thenComparingLong(NodeCapacity::freeCores)
                        .thenComparing(NodeCapacity::name, Comparator.reverseOrder()));
    }

    /**
     * Whether some enabled node of the location, reachable or not right now, has a known size
     * and room for the guest. False means no node can take the order at all (refuse it); true
     * while {@link #choose} is empty means the nodes that could are only unreachable for now.
     */
    public static boolean couldHost(List<NodeCapacity> nodes, int cores, int memoryMb, String location) {
        return nodes.stream()
                .filter(NodeCapacity::enabled)
                .filter(n -> n.totalMemoryMb() > 0)
                .filter(n -> location == null || location.isBlank() || location.equalsIgnoreCase(n.location()))
                .anyMatch(n -> n.fits(cores, memoryMb));
    }

    public static NodeCapacity chooseOrFail(List<NodeCapacity> nodes, int cores, int memoryMb, String location) {
        return choose(nodes, cores, memoryMb, location).orElseThrow(() -> new DomainException(ErrorCode.UNAVAILABLE,
                "error.no_capacity", "No node has room for this guest" + (location == null ? "" : " in " + location)));
    }
}
