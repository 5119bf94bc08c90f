package io.proxima.domain.vm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.proxima.domain.shared.ValidationException;
import org.junit.jupiter.api.Test;

class FirewallAddressTest {

    @Test
    void accepts_addresses_cidrs_and_ranges_of_both_families() {
        for (String ok : new String[] {"10.0.0.1", "10.0.0.0/8", "0.0.0.0/32", "192.168.1.10-192.168.1.20", "::1",
                "2001:db8::/32", "fe80::1:2:3:4", "2001:db8:0:0:0:0:0:1", "::ffff:10.0.0.1", "2001:db8::1-2001:db8::ff",
                "::/128"}) {
            assertThat(FirewallAddress.valid(ok)).as(ok).isTrue();
        }
    }

    @Test
    void refuses_what_is_no_address() {
        for (String bad : new String[] {"999.1.1.1", "10.0.0.0/33", "10.0.0", "10.0.0.1.1", "1.2.3.4/", "1.2.3.4/-1",
                "2001:db8::/129", "2001:::1", "1::2::3", "12345::1", "1:2:3:4:5:6:7:8:9", "gggg::1", "example.com",
                "10.0.0.9-10.0.0.1", "10.0.0.1-::1", " 10.0.0.1", "1.2.3.4/08x"}) {
            assertThat(FirewallAddress.valid(bad)).as(bad).isFalse();
        }
    }

    @Test
    void a_rule_with_a_bad_address_or_port_range_is_a_validation_error() {
        assertThatThrownBy(() -> new FirewallRuleSpec("inbound", "accept", "tcp", "22", "999.1.1.1", null, true, 0, null))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> new FirewallRuleSpec("inbound", "accept", "tcp", "22", null, "10.0.0.0/33", true, 0, null))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> new FirewallRuleSpec("inbound", "accept", "tcp", "9000-8000", null, null, true, 0, null))
                .isInstanceOf(ValidationException.class);
        assertThat(new FirewallRuleSpec("inbound", "accept", "tcp", "8000-9000", "2001:db8::/48", null, true, 0, null).port())
                .isEqualTo("8000:9000");
    }
}
