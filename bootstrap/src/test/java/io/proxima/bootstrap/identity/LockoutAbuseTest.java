package io.proxima.bootstrap.identity;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;

import io.proxima.adapter.out.security.Rfc6238TotpCodes;
import io.proxima.bootstrap.support.GreenMailResource;
import io.proxima.bootstrap.support.TestClock;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.core.json.JsonObject;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Issue 11, items 5 and 6: a stranger who does not know the password cannot lock the owner out
 * (the lock is per account and source address; an account-wide burst asks for a second factor or
 * a mailed code instead), and TOTP confirm/disable do not take unlimited guesses.
 */
@QuarkusTest
@QuarkusTestResource(GreenMailResource.class)
@Tag("security")
class LockoutAbuseTest {

    /** Another source address on the loopback network: the attacker. */
    private static final String ATTACKER_IP = "127.0.0.2";

    @Inject
    Rfc6238TotpCodes totp;

    @Inject
    TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private record Answer(int status, String body) {
    }

    /** A login sent from {@code localIp} (a raw HTTP/1.1 request: REST Assured cannot pick the source address). */
    private static Answer loginFrom(String localIp, Map<String, Object> body) throws Exception {
        int port = ConfigProvider.getConfig().getValue("quarkus.http.test-port", Integer.class);
        byte[] json = new JsonObject(body).encode().getBytes(StandardCharsets.UTF_8);
        try (Socket s = new Socket()) {
            s.bind(new InetSocketAddress(localIp, 0));
            s.connect(new InetSocketAddress("127.0.0.1", port), 5000);
            s.setSoTimeout(30_000);
            OutputStream out = s.getOutputStream();
            out.write(("POST /api/v1/auth/login HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Connection: close\r\nContent-Length: " + json.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(json);
            out.flush();
            InputStream in = s.getInputStream();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            in.transferTo(all);
            String text = all.toString(StandardCharsets.UTF_8);
            int status = Integer.parseInt(text.substring(9, 12));
            return new Answer(status, text.substring(Math.max(0, text.indexOf("\r\n\r\n"))));
        }
    }

    @Test
    void strangers_cannot_lock_the_owner_out() throws Exception {
        IdentityApi.Account owner = IdentityApi.verifiedUser("target");
        for (int i = 0; i < 8; i++) {
            assertThat(loginFrom(ATTACKER_IP, Map.of("username", owner.username(), "password", "Guess-Passw0rd-" + i))
                    .status()).isEqualTo(401);
        }
        // The attacking address is locked out of this account, even with the right password...
        assertThat(loginFrom(ATTACKER_IP, Map.of("username", owner.username(), "password", IdentityApi.PASSWORD))
                .status()).isEqualTo(401);
        // ...the owner is not refused: after the burst the account asks for a mailed code.
        Answer asked = loginFrom("127.0.0.1", Map.of("username", owner.username(), "password", IdentityApi.PASSWORD));
        assertThat(asked.status()).isEqualTo(401);
        assertThat(asked.body()).contains("\"email_code_required\":true");
        String code = IdentityApi.awaitCode(owner.email(), "login code");
        Answer in = loginFrom("127.0.0.1", Map.of("username", owner.username(), "password", IdentityApi.PASSWORD,
                "email_code", code));
        assertThat(in.status()).as(in.body()).isEqualTo(200);
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> Arrays.stream(GreenMailResource.greenMail()
                .getReceivedMessages()).anyMatch(m -> IdentityApi.subject(m).contains("many failed logins")));
    }

    @Test
    void an_administrator_with_two_factor_is_never_refused_the_right_password_and_code() throws Exception {
        IdentityApi.Account admin = IdentityApi.userWithRole("boss", "admin");
        String secret = admin.as().contentType(ContentType.JSON).body("{}").post("/api/v1/account/totp").path("data.secret");
        Instant now = Instant.now();
        admin.as().contentType(ContentType.JSON).body(Map.of("code", totp.codeAt(secret, now)))
                .post("/api/v1/account/totp").then().statusCode(200);
        for (int i = 0; i < 8; i++) {
            assertThat(loginFrom(ATTACKER_IP, Map.of("username", admin.username(), "password", "Guess-Passw0rd-" + i))
                    .status()).isEqualTo(401);
        }
        Answer in = loginFrom("127.0.0.1", Map.of("username", admin.username(), "password", IdentityApi.PASSWORD,
                "totp_code", totp.codeAt(secret, now.plusSeconds(30))));
        assertThat(in.status()).as(in.body()).isEqualTo(200);
    }

    @Test
    void totp_confirm_and_disable_take_five_wrong_codes_then_lock() {
        IdentityApi.Account user = IdentityApi.verifiedUser("guess");
        String secret = user.as().contentType(ContentType.JSON).body("{}").post("/api/v1/account/totp").path("data.secret");
        Instant now = Instant.now();
        String right = totp.codeAt(secret, now);
        for (int i = 0; i < 5; i++) {
            String wrong = String.format("%06d", (Integer.parseInt(right) + 1 + i) % 1_000_000);
            user.as().contentType(ContentType.JSON).body(Map.of("code", wrong)).post("/api/v1/account/totp")
                    .then().statusCode(422);
        }
        user.as().contentType(ContentType.JSON).body(Map.of("code", right)).post("/api/v1/account/totp")
                .then().statusCode(429).body("code", is(42901));
        clock.advance(Duration.ofMinutes(16));
        Instant later = now.plus(Duration.ofMinutes(16));
        user.as().contentType(ContentType.JSON).body(Map.of("code", totp.codeAt(secret, later)))
                .post("/api/v1/account/totp").then().statusCode(200);

        String rightNow = totp.codeAt(secret, later.plusSeconds(30));
        for (int i = 0; i < 5; i++) {
            String wrong = String.format("%06d", (Integer.parseInt(rightNow) + 1 + i) % 1_000_000);
            user.as().contentType(ContentType.JSON).body(Map.of("code", wrong)).delete("/api/v1/account/totp")
                    .then().statusCode(422);
        }
        user.as().contentType(ContentType.JSON).body(Map.of("code", rightNow)).delete("/api/v1/account/totp")
                .then().statusCode(429).body("code", is(42901));
        given().get("/api/v1/auth/profile").then().statusCode(401);
    }
}
