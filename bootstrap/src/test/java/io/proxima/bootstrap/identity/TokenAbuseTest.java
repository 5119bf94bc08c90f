package io.proxima.bootstrap.identity;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import io.proxima.application.user.port.out.TokenIssuer;
import io.proxima.domain.user.Role;
import io.proxima.domain.user.UserId;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.jwt.build.Jwt;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Expired, forged, alg:none and foreign-key JWTs, tampered refresh tokens and bad input: clear 4xx envelopes. */
@QuarkusTest
@Tag("security")
class TokenAbuseTest {

    @Inject
    TokenIssuer issuer;

    private static void profileWith(String token, int status, int code) {
        var then = given().header("Authorization", "Bearer " + token).get("/api/v1/auth/profile")
                .then().statusCode(status).body("code", is(code));
        if (status >= 400) {
            then.body("request_id", notNullValue());
        }
    }

    @Test
    void missing_credentials_are_40101() {
        given().get("/api/v1/auth/profile").then().statusCode(401).body("code", is(40101));
        given().get("/api/v1/account/profile").then().statusCode(401).body("code", is(40101));
    }

    @Test
    void expired_token_is_40002() {
        IdentityApi.Account user = IdentityApi.verifiedUser("expired");
        Instant past = Instant.now().minus(Duration.ofHours(2));
        String token = issuer.sign(new TokenIssuer.AccessClaims(UUID.randomUUID(), UserId.of(user.id()), user.username(),
                Role.USER, UUID.randomUUID(), past, past.plus(Duration.ofHours(1))));
        profileWith(token, 401, 40002);
    }

    @Test
    void forged_alg_none_wrong_key_and_garbage_tokens_are_40003() throws Exception {
        IdentityApi.Account user = IdentityApi.verifiedUser("forged");
        String[] parts = user.accessToken().split("\\.");

        // Payload changed to claim the admin role: the signature no longer matches.
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"user\"", "\"admin\"");
        profileWith(parts[0] + "." + b64(payload) + "." + parts[2], 401, 40003);

        // alg: none with the genuine claims and no signature.
        String none = b64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + parts[1] + ".";
        profileWith(none, 401, 40003);

        // Signed correctly, but by a key that is not Proxima's.
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        String foreign = Jwt.issuer("proxima").subject(user.id()).groups(Set.of("admin"))
                .claim("jti", UUID.randomUUID().toString()).claim("fid", UUID.randomUUID().toString())
                .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(600))
                .jws().algorithm(io.smallrye.jwt.algorithm.SignatureAlgorithm.RS256).sign(g.generateKeyPair().getPrivate());
        profileWith(foreign, 401, 40003);

        profileWith("not-a-jwt", 401, 40003);
        profileWith(parts[0] + "." + parts[1], 401, 40003);

        // The genuine token still works: nothing above had side effects.
        profileWith(user.accessToken(), 200, 200);
    }

    @Test
    void admin_routes_do_not_trust_a_forged_role() {
        IdentityApi.Account user = IdentityApi.verifiedUser("rolefake");
        user.as().get("/api/v1/users").then().statusCode(403).body("code", is(40301));
    }

    @Test
    void tampered_or_unknown_refresh_tokens_are_40003() {
        IdentityApi.Account user = IdentityApi.verifiedUser("tamper");
        String t = user.refreshToken();
        String tampered = (t.charAt(0) == 'A' ? 'B' : 'A') + t.substring(1);
        given().contentType(ContentType.JSON).body(Map.of("refresh_token", tampered))
                .post("/api/v1/auth/refresh").then().statusCode(401).body("code", is(40003));
        given().contentType(ContentType.JSON).body(Map.of("refresh_token", "x".repeat(600)))
                .post("/api/v1/auth/refresh").then().statusCode(422).body("details[0].field", is("refresh_token"));
        given().contentType(ContentType.JSON).body(Map.of("refresh_token", t))
                .post("/api/v1/auth/refresh").then().statusCode(200);
    }

    @Test
    void bad_input_never_gives_a_500() {
        given().contentType(ContentType.JSON).body("{\"username\":").post("/api/v1/auth/login")
                .then().statusCode(400).body("code", is(40000));
        given().contentType(ContentType.JSON).body("{}").post("/api/v1/auth/login")
                .then().statusCode(422).body("details.field", org.hamcrest.Matchers.hasItem("password"));
        given().contentType(ContentType.JSON).body("{\"password\":\"x\"}").post("/api/v1/auth/login")
                .then().statusCode(422).body("details[0].field", is("username"));
        given().contentType(ContentType.TEXT).body("username=a").post("/api/v1/auth/login")
                .then().statusCode(415).body("code", is(41501));
        given().contentType(ContentType.JSON).body("[1,2]").post("/api/v1/auth/register")
                .then().statusCode(400).body("code", is(40000));
        given().contentType(ContentType.JSON).body(Map.of("username", 42, "email", "x", "password", "p"))
                .post("/api/v1/auth/register").then().statusCode(422);
        given().contentType(ContentType.JSON).post("/api/v1/auth/register").then().statusCode(422);
        String huge = "{\"username\":\"" + "a".repeat(2 * 1024 * 1024) + "\"}";
        given().contentType(ContentType.JSON).body(huge).post("/api/v1/auth/register")
                .then().statusCode(413).body("code", is(41301));
        given().contentType(ContentType.JSON).body(Map.of("email", "no-such-user@example.test", "code", "12345"))
                .post("/api/v1/auth/verify").then().statusCode(422).body("details[0].field", is("code"));
    }

    @Test
    void unknown_user_and_wrong_password_look_the_same() {
        IdentityApi.Account user = IdentityApi.verifiedUser("same");
        String a = IdentityApi.login(user.username(), "Wrong-Passw0rd").then().statusCode(401)
                .body("code", is(40001)).extract().path("message");
        String b = IdentityApi.login("nobody-" + UUID.randomUUID().toString().substring(0, 8), "Wrong-Passw0rd")
                .then().statusCode(401).body("code", is(40001)).extract().path("message");
        org.assertj.core.api.Assertions.assertThat(a).isEqualTo(b);
        IdentityApi.login(user.username(), "Wrong-Passw0rd").then().body("details", not(notNullValue()));
    }

    private static String b64(String s) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }
}
