package io.proxima.adapter.out.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CryptoAdaptersTest {

    @TempDir
    Path dir;

    @Test
    void generated_key_files_are_owner_only_and_reused() throws Exception {
        AesGcmSecretCipher first = new AesGcmSecretCipher(Optional.empty(), dir.toString());
        String ct = first.encrypt("JBSWY3DPEHPK3PXP");
        Path key = dir.resolve("secrets.key");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key))).isEqualTo("rw-------");
        assertThat(new AesGcmSecretCipher(Optional.empty(), dir.toString()).decrypt(ct)).isEqualTo("JBSWY3DPEHPK3PXP");
        assertThat(first.encrypt("JBSWY3DPEHPK3PXP")).isNotEqualTo(ct);
        String tampered = ct.substring(0, ct.length() - 3) + (ct.endsWith("A==") ? "B==" : "A==");
        assertThatThrownBy(() -> first.decrypt(tampered)).isInstanceOf(IllegalStateException.class);
        AesGcmSecretCipher other = new AesGcmSecretCipher(Optional.of("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="), dir.toString());
        assertThatThrownBy(() -> other.decrypt(ct)).isInstanceOf(IllegalStateException.class);

        JwtTokenIssuer jwt = new JwtTokenIssuer("proxima", Optional.empty(), Optional.empty(), dir.toString());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("jwt-private.pem"))))
                .isEqualTo("rw-------");
        assertThat(jwt).isNotNull();
    }

    @Test
    void totp_matches_rfc_6238_and_tolerates_one_step_of_drift() {
        Rfc6238TotpCodes totp = new Rfc6238TotpCodes();
        // RFC 6238 appendix B, SHA-1 secret "12345678901234567890" (Base32 below), T = 59 s -> 94287082 (8 digits) -> 287082.
        String secret = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";
        assertThat(totp.codeAt(secret, Instant.ofEpochSecond(59))).isEqualTo("287082");
        Instant now = Instant.ofEpochSecond(1_700_000_000L);
        assertThat(totp.verify(secret, totp.codeAt(secret, now.minusSeconds(30)), now)).isPresent();
        assertThat(totp.verify(secret, totp.codeAt(secret, now.minusSeconds(90)), now)).isEmpty();
        assertThat(totp.verify(secret, "12345", now)).isEmpty();
        assertThat(totp.newSecret()).matches("[A-Z2-7]{32}");
    }
}
