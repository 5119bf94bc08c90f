package io.proxima.bootstrap.identity;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;

import io.proxima.adapter.in.rest.security.RateLimiter;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Rate limits of SPEC section 2: per IP on /auth/* (shared through PostgreSQL), per user elsewhere. */
@QuarkusTest
@Tag("security")
class RateLimitTest {

    @Inject
    RateLimiter limiter;

    @Test
    void auth_routes_are_limited_per_address_and_the_api_per_user() {
        IdentityApi.Account a = IdentityApi.verifiedUser("rlA");
        IdentityApi.Account b = IdentityApi.verifiedUser("rlB");
        int authBefore = limiter.authPerMinute();
        int apiBefore = limiter.apiPerMinute();
        try {
            limiter.setLimits(3, 4);
            for (int i = 0; i < 3; i++) {
                Response r = IdentityApi.login(a.username(), "Wrong-Passw0rd");
                r.then().statusCode(401).header("X-RateLimit-Limit", "3")
                        .header("X-RateLimit-Remaining", Integer.toString(2 - i))
                        .header("X-RateLimit-Reset", notNullValue());
            }
            Response limited = given().contentType(ContentType.JSON)
                    .body(Map.of("username", a.username(), "password", IdentityApi.PASSWORD)).post("/api/v1/auth/login");
            limited.then().statusCode(429).body("code", is(42901)).header("Retry-After", notNullValue())
                    .header("X-RateLimit-Remaining", "0");
            Assertions.assertThat(Integer.parseInt(limited.header("Retry-After"))).isBetween(1, 60);

            for (int i = 0; i < 4; i++) {
                a.as().get("/api/v1/account/profile").then().statusCode(200)
                        .header("X-RateLimit-Limit", "4");
            }
            a.as().get("/api/v1/account/profile").then().statusCode(429).body("code", is(42901));
            // Per user: B has its own budget.
            b.as().get("/api/v1/account/profile").then().statusCode(200).header("X-RateLimit-Remaining", "3");
            // Operational endpoints are never limited.
            given().get("/health").then().statusCode(200);
        } finally {
            limiter.setLimits(authBefore, apiBefore);
        }
    }
}
