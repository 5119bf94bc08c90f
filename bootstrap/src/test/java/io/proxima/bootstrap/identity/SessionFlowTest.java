package io.proxima.bootstrap.identity;

import static io.proxima.bootstrap.identity.IdentityApi.PASSWORD;
import static io.proxima.bootstrap.identity.IdentityApi.awaitCode;
import static io.proxima.bootstrap.identity.IdentityApi.login;
import static io.proxima.bootstrap.identity.IdentityApi.register;
import static io.proxima.bootstrap.identity.IdentityApi.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;

import io.proxima.bootstrap.contract.ValidatesOpenApi;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The main flow over HTTP: register, mailed code, verify, login, refresh, reuse, logout. */
@QuarkusTest
@Tag("security")
@ValidatesOpenApi
class SessionFlowTest {

    @Test
    void register_verify_login_refresh_reuse_and_logout() {
        String username = unique("flow");
        String email = username + "@example.test";

        register(username, email, PASSWORD).then().statusCode(201)
                .body("code", is(201))
                .body("data.user.username", is(username))
                .body("data.user.email", is(email))
                .body("data.user.role", is("user"))
                .body("data.user.status", is("pending_verification"));

        // Unverified: the right password is refused with 40004, never with tokens.
        login(username, PASSWORD).then().statusCode(403).body("code", is(40004));

        String code = awaitCode(email, "verification");
        given().contentType(ContentType.JSON).body(Map.of("email", email, "code", code))
                .post("/api/v1/auth/verify").then().statusCode(200)
                .body("data.user.status", is("active"));
        // Single use.
        given().contentType(ContentType.JSON).body(Map.of("email", email, "code", code))
                .post("/api/v1/auth/verify").then().statusCode(422).body("details[0].field", is("code"));

        // Seed 001 logs in with "email".
        Response first = given().contentType(ContentType.JSON).body(Map.of("email", email, "password", PASSWORD))
                .post("/api/v1/auth/login");
        first.then().statusCode(200)
                .body("data.token_type", is("Bearer"))
                .body("data.expires_in", is(3600))
                .body("data.access_token", notNullValue())
                .body("data.refresh_token", notNullValue())
                .body("data.user.username", is(username))
                .body("data.user.last_login_at", notNullValue());
        String access1 = first.path("data.access_token");
        String refresh1 = first.path("data.refresh_token");

        given().header("Authorization", "Bearer " + access1).get("/api/v1/auth/profile")
                .then().statusCode(200).body("data.email", is(email));

        Response second = given().contentType(ContentType.JSON).body(Map.of("refresh_token", refresh1))
                .post("/api/v1/auth/refresh");
        second.then().statusCode(200);
        String access2 = second.path("data.access_token");
        String refresh2 = second.path("data.refresh_token");
        assertThat(refresh2).isNotEqualTo(refresh1);
        assertThat(access2).isNotEqualTo(access1);

        // Reusing the rotated token is theft: the whole family is revoked, including its newest tokens.
        given().contentType(ContentType.JSON).body(Map.of("refresh_token", refresh1))
                .post("/api/v1/auth/refresh").then().statusCode(401).body("code", is(40003));
        given().contentType(ContentType.JSON).body(Map.of("refresh_token", refresh2))
                .post("/api/v1/auth/refresh").then().statusCode(401).body("code", is(40003));
        given().header("Authorization", "Bearer " + access2).get("/api/v1/auth/profile")
                .then().statusCode(401).body("code", is(40003));

        // A new session, then logout: its access token and refresh token stop working at once.
        Response third = login(username, PASSWORD);
        String access3 = third.path("data.access_token");
        String refresh3 = third.path("data.refresh_token");
        given().header("Authorization", "Bearer " + access3).get("/api/v1/auth/profile").then().statusCode(200);
        given().header("Authorization", "Bearer " + access3).post("/api/v1/auth/logout")
                .then().statusCode(200).body("data.ok", is(true));
        given().header("Authorization", "Bearer " + access3).get("/api/v1/auth/profile")
                .then().statusCode(401).body("code", is(40003));
        given().contentType(ContentType.JSON).body(Map.of("refresh_token", refresh3))
                .post("/api/v1/auth/refresh").then().statusCode(401).body("code", is(40003));

        // The audit trail shows the user's own records in seed 001's shape.
        String access4 = login(username, PASSWORD).path("data.access_token");
        given().header("Authorization", "Bearer " + access4).queryParam("limit", 50).get("/api/v1/audit-logs")
                .then().statusCode(200)
                .body("data.action", org.hamcrest.Matchers.hasItems("auth.register", "auth.verify_email", "auth.login",
                        "auth.session_revoked", "auth.logout"))
                .body("data[0].user_id", notNullValue())
                .body("data[0].created_at", notNullValue());
    }
}
