package io.proxima.bootstrap.identity;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;

import io.proxima.bootstrap.support.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Lockout after repeated failures, registration rules, password reset and change. */
@QuarkusTest
@Tag("security")
class LockoutAndPasswordTest {

    @Inject
    TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void five_failures_lock_the_account_even_for_the_right_password_until_the_lock_expires() {
        IdentityApi.Account user = IdentityApi.verifiedUser("lock");
        for (int i = 0; i < 5; i++) {
            IdentityApi.login(user.username(), "Wrong-Passw0rd").then().statusCode(401).body("code", is(40001));
        }
        IdentityApi.login(user.username(), IdentityApi.PASSWORD).then().statusCode(401).body("code", is(40001));
        clock.advance(Duration.ofMinutes(16));
        IdentityApi.login(user.username(), IdentityApi.PASSWORD).then().statusCode(200);
        // A success resets the counter: one new failure does not lock again.
        IdentityApi.login(user.username(), "Wrong-Passw0rd").then().statusCode(401);
        IdentityApi.login(user.username(), IdentityApi.PASSWORD).then().statusCode(200);
        IdentityApi.admin().as().queryParam("action", "auth.login").queryParam("user_id", user.id())
                .get("/api/v1/admin/system/logs").then().statusCode(200)
                .body("data.items.result", hasItem("denied"))
                .body("data.items.result", hasItem("failure"))
                .body("data.items.result", hasItem("success"));
    }

    @Test
    void registration_rules() {
        String name = IdentityApi.unique("reg");
        IdentityApi.register(name, name + "@example.test", IdentityApi.PASSWORD).then().statusCode(201);
        IdentityApi.register(name.toUpperCase(), IdentityApi.unique("o") + "@example.test", IdentityApi.PASSWORD)
                .then().statusCode(409).body("code", is(40901));
        IdentityApi.register(IdentityApi.unique("other"), name.toUpperCase() + "@EXAMPLE.test", IdentityApi.PASSWORD)
                .then().statusCode(409).body("code", is(40901));
        String n2 = IdentityApi.unique("pol");
        IdentityApi.register(n2, n2 + "@example.test", "short1").then().statusCode(422)
                .body("details.field", hasItem("password"));
        IdentityApi.register(n2, n2 + "@example.test", "alllowercaseletters").then().statusCode(422)
                .body("details[0].field", is("password"));
        IdentityApi.register(n2, n2 + "@example.test", n2).then().statusCode(422)
                .body("details.message", hasItem("must not be the username"));
        given().contentType(ContentType.JSON).header("Accept-Language", "zh-CN")
                .body(Map.of("username", n2, "email", n2 + "@example.test", "password", "short1", "language", "zh"))
                .post("/api/v1/auth/register").then().statusCode(422)
                .body("details.message", hasItem("长度至少为 8 个字符"));
    }

    @Test
    void verification_code_expires_after_15_minutes_and_allows_5_attempts() {
        String name = IdentityApi.unique("exp");
        String email = name + "@example.test";
        IdentityApi.register(name, email, IdentityApi.PASSWORD).then().statusCode(201);
        String code = IdentityApi.awaitCode(email, "verification");
        clock.advance(Duration.ofMinutes(16));
        given().contentType(ContentType.JSON).body(Map.of("email", email, "code", code))
                .post("/api/v1/auth/verify").then().statusCode(422);
        // Resend after expiry: a new code arrives, five wrong guesses burn it even for the right one.
        int before = IdentityApi.mailCount(email);
        given().contentType(ContentType.JSON).body(Map.of("email", email)).post("/api/v1/auth/verify/resend")
                .then().statusCode(200);
        long deadline = System.currentTimeMillis() + 10_000;
        while (IdentityApi.mailCount(email) == before && System.currentTimeMillis() < deadline) {
            Thread.onSpinWait();
        }
        String fresh = IdentityApi.awaitCode(email, "verification");
        // Resending at once is ignored (rate limited), still 200.
        given().contentType(ContentType.JSON).body(Map.of("email", email)).post("/api/v1/auth/verify/resend")
                .then().statusCode(200);
        String wrong = fresh.equals("000000") ? "111111" : "000000";
        for (int i = 0; i < 5; i++) {
            given().contentType(ContentType.JSON).body(Map.of("email", email, "code", wrong))
                    .post("/api/v1/auth/verify").then().statusCode(422);
        }
        given().contentType(ContentType.JSON).body(Map.of("email", email, "code", fresh))
                .post("/api/v1/auth/verify").then().statusCode(422);
        Assertions.assertThat(IdentityApi.mailCount(email)).isEqualTo(before + 1);
    }

    @Test
    void password_reset_by_mailed_code_revokes_every_session() {
        IdentityApi.Account user = IdentityApi.verifiedUser("reset");
        given().contentType(ContentType.JSON).body(Map.of("email", "nobody-at-all@example.test"))
                .post("/api/v1/auth/password/forgot").then().statusCode(200);
        Assertions.assertThat(IdentityApi.mailCount("nobody-at-all@example.test")).isZero();
        given().contentType(ContentType.JSON).body(Map.of("email", user.email()))
                .post("/api/v1/auth/password/forgot").then().statusCode(200);
        String code = IdentityApi.awaitCode(user.email(), "reset");
        given().contentType(ContentType.JSON)
                .body(Map.of("email", user.email(), "code", code, "new_password", "New-Passw0rd-1"))
                .post("/api/v1/auth/password/reset").then().statusCode(200);
        user.as().get("/api/v1/auth/profile").then().statusCode(401).body("code", is(40003));
        given().contentType(ContentType.JSON).body(Map.of("refresh_token", user.refreshToken()))
                .post("/api/v1/auth/refresh").then().statusCode(401);
        IdentityApi.login(user.username(), IdentityApi.PASSWORD).then().statusCode(401);
        IdentityApi.login(user.username(), "New-Passw0rd-1").then().statusCode(200);
    }

    @Test
    void password_change_needs_the_current_one_and_revokes_other_sessions_only() {
        IdentityApi.Account user = IdentityApi.verifiedUser("change");
        IdentityApi.Account other = IdentityApi.loginAs(user.username(), IdentityApi.PASSWORD);
        user.as().contentType(ContentType.JSON)
                .body(Map.of("current_password", "Wrong-Passw0rd", "new_password", "Changed-Passw0rd-2"))
                .put("/api/v1/account/password").then().statusCode(422).body("details[0].field", is("current_password"));
        user.as().contentType(ContentType.JSON)
                .body(Map.of("current_password", IdentityApi.PASSWORD, "new_password", "Changed-Passw0rd-2"))
                .put("/api/v1/account/password").then().statusCode(200);
        user.as().get("/api/v1/auth/profile").then().statusCode(200);
        other.as().get("/api/v1/auth/profile").then().statusCode(401);
        IdentityApi.login(user.username(), "Changed-Passw0rd-2").then().statusCode(200);
    }
}
