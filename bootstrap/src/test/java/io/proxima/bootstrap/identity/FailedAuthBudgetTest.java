package io.proxima.bootstrap.identity;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;

import io.proxima.adapter.in.rest.security.RateLimiter;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Issue 11, item 4: requests that fail authentication (random API keys, no credentials, garbage
 * bearer tokens) spend the address's auth budget and get 429 with Retry-After beyond it.
 */
@QuarkusTest
@Tag("security")
class FailedAuthBudgetTest {

    @Inject
    RateLimiter limiter;

    @Test
    void failed_authentication_is_rate_limited_per_address() {
        int authBefore = limiter.authPerMinute();
        int apiBefore = limiter.apiPerMinute();
        try {
            limiter.setLimits(5, apiBefore);
            given().header("X-API-Key", "pxk_" + UUID.randomUUID().toString().replace("-", ""))
                    .get("/api/v1/account/profile").then().statusCode(401)
                    .header("X-RateLimit-Limit", "5").header("X-RateLimit-Remaining", "4");
            given().header("X-API-Key", "pxk_" + UUID.randomUUID().toString().replace("-", ""))
                    .get("/api/v1/vms").then().statusCode(401).header("X-RateLimit-Remaining", "3");
            given().get("/api/v1/account/profile").then().statusCode(401).body("code", is(40101))
                    .header("X-RateLimit-Remaining", "2");
            given().get("/api/v1/billing/balance").then().statusCode(401).header("X-RateLimit-Remaining", "1");
            given().header("Authorization", "Bearer garbage.token.here").get("/api/v1/account/profile")
                    .then().statusCode(401).header("X-RateLimit-Remaining", "0");

            given().header("X-API-Key", "pxk_" + UUID.randomUUID().toString().replace("-", ""))
                    .get("/api/v1/account/profile").then().statusCode(429).body("code", is(42901))
                    .header("Retry-After", notNullValue());
            given().get("/api/v1/account/profile").then().statusCode(429).body("code", is(42901));
            given().header("Authorization", "Bearer garbage").get("/api/v1/vms").then().statusCode(429)
                    .header("Retry-After", notNullValue());
        } finally {
            limiter.setLimits(authBefore, apiBefore);
        }
    }
}
