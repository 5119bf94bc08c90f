package io.proxima.adapter.out.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Outside the embedded default a missing key refuses the start, naming the setting; nothing is generated. */
class MissingKeysTest {

    @TempDir
    Path dir;

    @Test
    void a_missing_secrets_key_is_refused_unless_generation_is_allowed() {
        assertThatThrownBy(() -> new AesGcmSecretCipher(Optional.empty(), dir.toString(), false))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("PROXIMA_SECRETS_KEY");
        assertThat(Files.exists(dir.resolve("secrets.key"))).isFalse();
        new AesGcmSecretCipher(Optional.of("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="), dir.toString(), false);
        new AesGcmSecretCipher(Optional.empty(), dir.toString(), true);
        assertThat(Files.exists(dir.resolve("secrets.key"))).isTrue();
    }

    @Test
    void a_missing_jwt_key_is_refused_unless_generation_is_allowed() {
        assertThatThrownBy(() -> new JwtTokenIssuer("proxima", Optional.empty(), Optional.empty(), dir.toString(), false))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("PROXIMA_JWT_PRIVATE_KEY_FILE");
        assertThat(Files.exists(dir.resolve("jwt-private.pem"))).isFalse();
    }
}
