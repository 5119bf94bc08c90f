package io.proxima.bootstrap.identity;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import io.proxima.bootstrap.contract.ValidatesOpenApi;
import io.proxima.adapter.out.security.Rfc6238TotpCodes;
import io.proxima.bootstrap.support.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** TOTP two-factor authentication and API keys with scopes, expiry and allow-lists. */
@QuarkusTest
@Tag("security")
@ValidatesOpenApi
class TwoFactorAndApiKeyTest {

    @Inject
    Rfc6238TotpCodes totp;

    @Inject
    TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private static Response loginWithCode(String username, String code) {
        Map<String, Object> body = new HashMap<>(Map.of("username", username, "password", IdentityApi.PASSWORD));
        if (code != null) {
            body.put("totp_code", code);
        }
        return given().contentType(ContentType.JSON).body(body).post("/api/v1/auth/login");
    }

    @Test
    void totp_setup_confirm_login_recovery_and_disable() {
        IdentityApi.Account user = IdentityApi.verifiedUser("totp");
        user.as().get("/api/v1/account/totp").then().statusCode(200).body("data.enabled", is(false));
        Response setup = user.as().contentType(ContentType.JSON).body("{}").post("/api/v1/account/totp");
        setup.then().statusCode(200)
                .body("data.otpauth_uri", startsWith("otpauth://totp/Proxima:" + user.username() + "?secret="));
        String secret = setup.path("data.secret");

        // Not on until confirmed: login still needs no code.
        loginWithCode(user.username(), null).then().statusCode(200);
        user.as().contentType(ContentType.JSON).body(Map.of("code", "000000")).post("/api/v1/account/totp")
                .then().statusCode(422).body("details[0].field", is("code"));

        Instant now = Instant.now();
        Response confirmed = user.as().contentType(ContentType.JSON).body(Map.of("code", totp.codeAt(secret, now)))
                .post("/api/v1/account/totp");
        confirmed.then().statusCode(200).body("data.enabled", is(true)).body("data.recovery_codes", hasSize(10));
        List<String> recovery = confirmed.path("data.recovery_codes");

        loginWithCode(user.username(), null).then().statusCode(401).body("code", is(40001))
                .body("details.totp_required", is(true));
        loginWithCode(user.username(), "123456".equals(totp.codeAt(secret, now.plusSeconds(30))) ? "654321" : "123456")
                .then().statusCode(401).body("details.totp_required", is(true));
        String next = totp.codeAt(secret, now.plusSeconds(30));
        loginWithCode(user.username(), next).then().statusCode(200).body("data.user.two_factor_enabled", is(true));
        // The same code cannot be replayed.
        loginWithCode(user.username(), next).then().statusCode(401);

        // A recovery code works once.
        loginWithCode(user.username(), recovery.get(0)).then().statusCode(200);
        loginWithCode(user.username(), recovery.get(0)).then().statusCode(401);
        String fresh = loginWithCode(user.username(), recovery.get(1)).path("data.access_token");
        given().header("Authorization", "Bearer " + fresh).get("/api/v1/account/totp")
                .then().body("data.recovery_codes_left", is(8));

        given().header("Authorization", "Bearer " + fresh).contentType(ContentType.JSON).body(Map.of("code", "999999x"))
                .delete("/api/v1/account/totp").then().statusCode(422);
        given().header("Authorization", "Bearer " + fresh).contentType(ContentType.JSON).body(Map.of("code", recovery.get(2)))
                .delete("/api/v1/account/totp").then().statusCode(200);
        loginWithCode(user.username(), null).then().statusCode(200);
        given().header("Authorization", "Bearer " + fresh).queryParam("limit", 100).get("/api/v1/audit-logs").then()
                .body("data.action", hasItem("account.totp_enable"))
                .body("data.action", hasItem("account.totp_disable"));
    }

    private static Response createKey(IdentityApi.Account owner, Map<String, Object> body) {
        return owner.as().contentType(ContentType.JSON).body(body).post("/api/v1/account/api-keys");
    }

    @Test
    void api_keys_authenticate_within_their_scopes() {
        IdentityApi.Account user = IdentityApi.verifiedUser("keys");
        Response read = createKey(user, Map.of("name", "monitoring", "scopes", List.of("read")));
        read.then().statusCode(201).body("data.key", startsWith("pxk_")).body("data.prefix", notNullValue())
                .body("data.scopes", is(List.of("read")));
        String readKey = read.path("data.key");
        String writeKey = createKey(user, Map.of("name", "deploy", "scopes", List.of("write"))).path("data.key");

        user.as().get("/api/v1/account/api-keys").then().statusCode(200)
                .body("data", hasSize(2))
                .body("data[0]", not(hasKey("key")))
                .body("data.prefix", hasItem(readKey.substring(0, 12)));

        given().header("X-API-Key", readKey).get("/api/v1/auth/profile").then().statusCode(200)
                .body("data.username", is(user.username()));
        given().header("X-API-Key", readKey).contentType(ContentType.JSON).body(Map.of("phone", "+1 555 0100"))
                .put("/api/v1/account/profile").then().statusCode(403).body("code", is(40301));
        // Contact details are credentials too (issue 11): not even a write key changes them.
        given().header("X-API-Key", writeKey).contentType(ContentType.JSON).body(Map.of("phone", "+1 555 0100"))
                .put("/api/v1/account/profile").then().statusCode(403).body("code", is(40301));
        given().header("X-API-Key", writeKey).contentType(ContentType.JSON).body(Map.of("language", "zh"))
                .put("/api/v1/account/profile").then().statusCode(200).body("data.language", is("zh"));
        given().header("X-API-Key", writeKey).get("/api/v1/auth/profile").then().statusCode(403);
        // Keys cannot manage credentials.
        given().header("X-API-Key", writeKey).contentType(ContentType.JSON)
                .body(Map.of("name", "escalate", "scopes", List.of("read", "write")))
                .post("/api/v1/account/api-keys").then().statusCode(403);
        // The admin scope is for administrators only.
        createKey(user, Map.of("name", "root", "scopes", List.of("admin"))).then().statusCode(422)
                .body("details[0].field", is("scopes"));
        createKey(user, Map.of("name", "bad", "scopes", List.of("everything"))).then().statusCode(422)
                .body("details[0].field", is("scopes[0]"));

        // Disable, enable, revoke.
        String readId = read.path("data.id");
        user.as().contentType(ContentType.JSON).body(Map.of("enabled", false)).patch("/api/v1/account/api-keys/" + readId)
                .then().statusCode(200).body("data.enabled", is(false));
        given().header("X-API-Key", readKey).get("/api/v1/auth/profile").then().statusCode(401).body("code", is(40003));
        user.as().contentType(ContentType.JSON).body(Map.of("enabled", true)).patch("/api/v1/account/api-keys/" + readId)
                .then().statusCode(200);
        given().header("X-API-Key", readKey).get("/api/v1/auth/profile").then().statusCode(200);
        user.as().delete("/api/v1/account/api-keys/" + readId).then().statusCode(200);
        given().header("X-API-Key", readKey).get("/api/v1/auth/profile").then().statusCode(401);
        given().header("X-API-Key", "pxk_forged00_" + "x".repeat(43)).get("/api/v1/auth/profile").then().statusCode(401);

        // Another user's key id is "not found".
        IdentityApi.Account other = IdentityApi.verifiedUser("keys-other");
        String writeId = user.as().get("/api/v1/account/api-keys").path("data[0].id");
        other.as().contentType(ContentType.JSON).body(Map.of("enabled", false)).patch("/api/v1/account/api-keys/" + writeId)
                .then().statusCode(404).body("code", is(40401));
    }

    @Test
    void expired_and_address_restricted_keys_are_refused() {
        IdentityApi.Account user = IdentityApi.verifiedUser("keyexp");
        String expiring = createKey(user, Map.of("name", "short", "scopes", List.of("read"),
                "expires_at", Instant.now().plus(Duration.ofHours(1)).toString())).path("data.key");
        given().header("X-API-Key", expiring).get("/api/v1/auth/profile").then().statusCode(200);
        clock.advance(Duration.ofHours(2));
        given().header("X-API-Key", expiring).get("/api/v1/auth/profile").then().statusCode(401).body("code", is(40002));
        clock.reset();
        createKey(user, Map.of("name", "past", "scopes", List.of("read"), "expires_at", "2001-01-01T00:00:00Z"))
                .then().statusCode(422).body("details[0].field", is("expires_at"));

        String elsewhere = createKey(user, Map.of("name", "office", "scopes", List.of("read"),
                "allowed_ips", List.of("203.0.113.0/24"))).path("data.key");
        given().header("X-API-Key", elsewhere).get("/api/v1/auth/profile").then().statusCode(403).body("code", is(40301));
        String local = createKey(user, Map.of("name", "here", "scopes", List.of("read"),
                "allowed_ips", List.of("127.0.0.0/8", "::1"))).path("data.key");
        given().header("X-API-Key", local).get("/api/v1/auth/profile").then().statusCode(200);
        createKey(user, Map.of("name", "bad", "scopes", List.of("read"), "allowed_ips", List.of("example.com")))
                .then().statusCode(422).body("details[0].field", is("allowed_ips[0]"));
    }

    @Test
    void an_admin_key_acts_as_admin_only_with_the_admin_scope() {
        IdentityApi.Account admin = IdentityApi.admin();
        String plain = createKey(admin, Map.of("name", "plain", "scopes", List.of("read"))).path("data.key");
        String powerful = createKey(admin, Map.of("name", "ops", "scopes", List.of("read", "admin"))).path("data.key");
        given().header("X-API-Key", plain).get("/api/v1/users").then().statusCode(403);
        given().header("X-API-Key", powerful).get("/api/v1/users").then().statusCode(200);
        given().header("X-API-Key", powerful).contentType(ContentType.JSON).body(Map.of("status", "disabled"))
                .put("/api/v1/users/" + admin.id() + "/status").then().statusCode(403);
    }
}
