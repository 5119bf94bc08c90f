package io.proxima.adapter.out.security;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import io.proxima.application.user.port.out.TotpCodes;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;
import javax.crypto.spec.SecretKeySpec;
import org.apache.commons.codec.binary.Base32;

/** RFC 6238 with java-otp: HMAC-SHA1, 6 digits, 30-second steps, one step of clock drift either way. */
@ApplicationScoped
public class Rfc6238TotpCodes implements TotpCodes {

    private static final Duration STEP = Duration.ofSeconds(30);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final TimeBasedOneTimePasswordGenerator generator = new TimeBasedOneTimePasswordGenerator(STEP, 6);

    @Override
    public String newSecret() {
        byte[] secret = new byte[20];
        RANDOM.nextBytes(secret);
        return new Base32().encodeToString(secret).replace("=", "");
    }

    @Override
    public String uri(String secret, String issuer, String account) {
        String label = enc(issuer) + ":" + enc(account);
        return "otpauth://totp/" + label + "?secret=" + secret + "&issuer=" + enc(issuer)
                + "&algorithm=SHA1&digits=6&period=30";
    }

    @Override
    public OptionalLong verify(String secret, String code, Instant now) {
        if (code == null || !code.matches("\\d{6}")) {
            return OptionalLong.empty();
        }
        SecretKeySpec key = new SecretKeySpec(new Base32().decode(secret), generator.getAlgorithm());
        long step = now.getEpochSecond() / STEP.getSeconds();
        try {
            for (long s = step - 1; s <= step + 1; s++) {
                String expected = generator.generateOneTimePasswordString(key, Instant.ofEpochSecond(s * STEP.getSeconds()));
                if (MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII), code.getBytes(StandardCharsets.US_ASCII))) {
                    return OptionalLong.of(s);
                }
            }
        } catch (InvalidKeyException e) {
            return OptionalLong.empty();
        }
        return OptionalLong.empty();
    }

    /** The code for {@code time}: for tests and tools that act as an authenticator app. */
    public String codeAt(String secret, Instant time) {
        try {
            return generator.generateOneTimePasswordString(
                    new SecretKeySpec(new Base32().decode(secret), generator.getAlgorithm()), time);
        } catch (InvalidKeyException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
