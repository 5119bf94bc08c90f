package io.proxima.domain.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.proxima.domain.shared.DomainException;
import io.proxima.domain.shared.ErrorCode;
import io.proxima.domain.shared.ValidationException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PlacementAndPoolTest {

    private static NodeCapacity node(String name, String location, long memMb, double ratio, long reservedMb, boolean enabled) {
        return new NodeCapacity(UUID.randomUUID(), name, location, enabled, true, memMb, ratio, 16, 4.0, reservedMb, 0);
    }

    @Test
    void picks_the_node_with_most_free_memory_under_its_overcommit_ratio() {
        NodeCapacity a = node("a", "eu", 64_000, 1.0, 40_000, true);   // 24 000 free
        NodeCapacity b = node("b", "eu", 32_000, 1.5, 10_000, true);   // 38 000 free
        NodeCapacity c = node("c", "eu", 128_000, 1.0, 0, false);      // disabled
        NodeCapacity d = node("d", "us", 256_000, 1.0, 0, true);       // other location
        assertThat(PlacementPolicy.choose(List.of(a, b, c, d), 2, 2048, "eu")).contains(b);
        assertThat(PlacementPolicy.choose(List.of(a, b, c, d), 2, 2048, null)).contains(d);
    }

    @Test
    void reservations_of_parallel_orders_prevent_overcommit() {
        NodeCapacity small = node("small", "eu", 4096, 1.0, 0, true);
        long reserved = 0;
        int placed = 0;
        for (int i = 0; i < 20; i++) {
            NodeCapacity now = new NodeCapacity(small.nodeId(), "small", "eu", true, true, 4096, 1.0, 16, 4.0, reserved, 0);
            if (PlacementPolicy.choose(List.of(now), 1, 1024, "eu").isPresent()) {
                reserved += 1024;
                placed++;
            }
        }
        assertThat(placed).isEqualTo(4);
        NodeCapacity full = new NodeCapacity(small.nodeId(), "small", "eu", true, true, 4096, 1.0, 16, 4.0, reserved, 0);
        assertThatThrownBy(() -> PlacementPolicy.chooseOrFail(List.of(full), 1, 1024, "eu"))
                .isInstanceOf(DomainException.class)
                .satisfies(e -> assertThat(((DomainException) e).code()).isEqualTo(ErrorCode.UNAVAILABLE));
    }

    @Test
    void cidr_parsing_and_normalisation() {
        Ipv4Cidr c = Ipv4Cidr.parse("203.0.113.77/24");
        assertThat(c.toString()).isEqualTo("203.0.113.0/24");
        assertThat(c.hostCount()).isEqualTo(254);
        assertThat(Ipv4Cidr.format(c.broadcast())).isEqualTo("203.0.113.255");
        for (String bad : new String[] {"203.0.113.0", "300.1.1.1/24", "1.2.3.4/31", "x/24", "1.2.3/24"}) {
            assertThatThrownBy(() -> Ipv4Cidr.parse(bad)).as(bad).isInstanceOf(ValidationException.class);
        }
    }

    @Test
    void pool_hands_out_host_addresses_except_gateway_and_exclusions() {
        Ipv4Cidr c = Ipv4Cidr.parse("10.0.0.0/29"); // hosts .1-.6
        int gw = Ipv4Cidr.parseAddress("gateway", "10.0.0.1");
        IpPool pool = new IpPool(UUID.randomUUID(), "p", UUID.randomUUID(), null, c, gw,
                Set.of(Ipv4Cidr.parseAddress("excluded", "10.0.0.3")), List.of("1.1.1.1"), 0);
        assertThat(pool.capacity()).isEqualTo(4);
        Set<Integer> taken = new HashSet<>();
        List<String> got = new java.util.ArrayList<>();
        for (int i = 0; i < 10; i++) {
            var next = pool.firstFree(taken);
            if (next.isEmpty()) {
                break;
            }
            taken.add(next.get());
            got.add(Ipv4Cidr.format(next.get()));
        }
        assertThat(got).containsExactly("10.0.0.2", "10.0.0.4", "10.0.0.5", "10.0.0.6");
        assertThat(pool.ipConfig(Ipv4Cidr.parseAddress("a", "10.0.0.2"))).isEqualTo("ip=10.0.0.2/29,gw=10.0.0.1");
    }

    @Test
    void pool_rejects_a_gateway_outside_the_network() {
        assertThatThrownBy(() -> new IpPool(UUID.randomUUID(), "p", UUID.randomUUID(), null, Ipv4Cidr.parse("10.0.0.0/24"),
                Ipv4Cidr.parseAddress("gateway", "10.0.1.1"), Set.of(), List.of(), 0))
                .isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(((ValidationException) e).fieldErrors().get(0).field()).isEqualTo("gateway"));
    }
}
