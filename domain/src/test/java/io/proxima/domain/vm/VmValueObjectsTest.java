package io.proxima.domain.vm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.proxima.domain.shared.ValidationException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class VmValueObjectsTest {

    @ParameterizedTest
    @ValueSource(strings = {"web", "Web-01", "a.b.example.com", "x1", "node-7.eu"})
    void valid_hostnames(String h) {
        assertThat(new Hostname(h).value()).isEqualTo(h.toLowerCase());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "-web", "web-", "we_b", "a..b", "123", "1.2.3.4", "ünïcode", "x y"})
    void invalid_hostnames(String h) {
        assertThatThrownBy(() -> new Hostname(h)).isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(((ValidationException) e).fieldErrors().get(0).field()).isEqualTo("hostname"));
    }

    @Test
    void hostname_labels_are_limited_to_63_characters() {
        assertThat(new Hostname("a".repeat(63)).value()).hasSize(63);
        assertThatThrownBy(() -> new Hostname("a".repeat(64))).isInstanceOf(ValidationException.class);
    }

    @Test
    void snapshot_names_follow_pve_configid() {
        assertThat(new SnapshotName("before-upgrade_1").value()).isEqualTo("before-upgrade_1");
        for (String bad : new String[] {"1abc", "a", "has space", "x".repeat(41), "current", "a.b", ""}) {
            assertThatThrownBy(() -> new SnapshotName(bad)).as(bad).isInstanceOf(ValidationException.class);
        }
    }

    private static String keyBlob(String type, int payload) {
        byte[] t = type.getBytes(StandardCharsets.US_ASCII);
        ByteBuffer b = ByteBuffer.allocate(4 + t.length + 4 + payload);
        b.putInt(t.length).put(t).putInt(payload);
        return Base64.getEncoder().encodeToString(b.array());
    }

    @Test
    void ssh_keys_are_parsed_not_trusted() {
        String ed = "ssh-ed25519 " + keyBlob("ssh-ed25519", 32) + " alice@laptop";
        assertThat(SshPublicKey.of("ssh_keys[0]", ed).value()).isEqualTo(ed);
        assertThatThrownBy(() -> SshPublicKey.of("ssh_keys[1]", "ssh-ed25519 " + keyBlob("ssh-rsa", 32)))
                .isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(((ValidationException) e).fieldErrors().get(0).field()).isEqualTo("ssh_keys[1]"));
        for (String bad : new String[] {"hello", "ssh-ed25519 !!!notbase64", "ssh-dss " + keyBlob("ssh-dss", 8),
                "ssh-ed25519 " + keyBlob("ssh-ed25519", 8) + "\nssh-rsa x", ""}) {
            assertThatThrownBy(() -> SshPublicKey.of("k", bad)).as(bad).isInstanceOf(ValidationException.class);
        }
    }

    @Test
    void resource_spec_names_every_bad_field() {
        assertThatThrownBy(() -> new ResourceSpec(0, 10, 0))
                .isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(((ValidationException) e).fieldErrors())
                        .extracting(f -> f.field()).containsExactly("cpu_cores", "memory_mb", "disk_gb"));
        assertThat(new ResourceSpec(4, 4096, 80).covers(new ResourceSpec(2, 2048, 80))).isTrue();
        assertThat(new ResourceSpec(4, 4096, 40).covers(new ResourceSpec(2, 2048, 80))).isFalse();
    }
}
