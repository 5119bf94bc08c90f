package io.proxima.bootstrap.billing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

/**
 * Real RS256 access tokens for the tests, verified by the application's smallrye-jwt with a key
 * pair made for this test run (quarkus-test-security is not available for this platform version
 * here). The subject is the user id; {@code groups} carries the roles.
 */
public class TestTokens implements QuarkusTestResourceLifecycleManager {

    private static final KeyPair KEYS = generate();

    @Override
    public Map<String, String> start() {
        String pem = "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(KEYS.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----";
        return Map.of("mp.jwt.verify.publickey", pem, "mp.jwt.verify.issuer", "https://proxima.test",
                "smallrye.jwt.verify.key-format", "PEM_KEY");
    }

    @Override
    public void stop() {
    }

    public static String bearer(UUID user, String... roles) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        long now = Instant.now().getEpochSecond();
        StringBuilder groups = new StringBuilder();
        for (String r : roles) {
            groups.append(groups.length() == 0 ? "" : ",").append('"').append(r).append('"');
        }
        String header = b64.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String payload = b64.encodeToString(("{\"iss\":\"https://proxima.test\",\"sub\":\"" + user + "\",\"upn\":\"" + user
                + "\",\"groups\":[" + groups + "],\"iat\":" + now + ",\"exp\":" + (now + 3600) + ",\"jti\":\""
                + UUID.randomUUID() + "\"}").getBytes(StandardCharsets.UTF_8));
        try {
            Signature s = Signature.getInstance("SHA256withRSA");
            s.initSign(KEYS.getPrivate());
            s.update((header + "." + payload).getBytes(StandardCharsets.US_ASCII));
            return "Bearer " + header + "." + payload + "." + b64.encodeToString(s.sign());
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048);
            return g.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
