package io.proxima.bootstrap.identity;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;

import io.proxima.application.user.port.out.TokenIssuer;
import io.proxima.domain.user.Role;
import io.proxima.domain.user.UserId;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Issue 11, item 10: tokens signed with Proxima's own key (as with a leaked signing key) are still
 * refused when they come from the future, live longer than Proxima issues, name a session family
 * that does not exist, or claim a role the account does not have.
 */
@QuarkusTest
@Tag("security")
class LeakedKeyContainmentTest {

    @Inject
    TokenIssuer issuer;

    private static void profileWith(String token, int status) {
        given().header("Authorization", "Bearer " + token).get("/api/v1/auth/profile").then().statusCode(status);
    }

    private static UUID family(IdentityApi.Account a) {
        String payload = new String(Base64.getUrlDecoder().decode(a.accessToken().split("\\.")[1]), StandardCharsets.UTF_8);
        return UUID.fromString(new JsonObject(payload).getString("fid"));
    }

    @Test
    void forged_claims_are_refused_even_with_a_valid_signature() {
        IdentityApi.Account user = IdentityApi.verifiedUser("leak");
        UserId id = UserId.of(user.id());
        UUID fid = family(user);
        Instant now = Instant.now();

        // Genuine shape: accepted (the control).
        profileWith(issuer.sign(new TokenIssuer.AccessClaims(UUID.randomUUID(), id, user.username(), Role.USER, fid,
                now, now.plus(Duration.ofMinutes(30)))), 200);
        // Issued in the future.
        given().header("Authorization", "Bearer " + issuer.sign(new TokenIssuer.AccessClaims(UUID.randomUUID(), id,
                user.username(), Role.USER, fid, now.plus(Duration.ofMinutes(10)), now.plus(Duration.ofMinutes(40)))))
                .get("/api/v1/auth/profile").then().statusCode(401).body("code", is(40003));
        // Lives a year although Proxima issues one hour.
        profileWith(issuer.sign(new TokenIssuer.AccessClaims(UUID.randomUUID(), id, user.username(), Role.USER, fid,
                now, now.plus(Duration.ofDays(365)))), 401);
        // A session family that never existed.
        profileWith(issuer.sign(new TokenIssuer.AccessClaims(UUID.randomUUID(), id, user.username(), Role.USER,
                UUID.randomUUID(), now, now.plus(Duration.ofMinutes(30)))), 401);
        // Claims admin: the account's role (user) is what counts.
        String admin = issuer.sign(new TokenIssuer.AccessClaims(UUID.randomUUID(), id, user.username(), Role.ADMIN, fid,
                now, now.plus(Duration.ofMinutes(30))));
        given().header("Authorization", "Bearer " + admin).get("/api/v1/users").then().statusCode(403).body("code", is(40301));
        given().header("Authorization", "Bearer " + admin).get("/api/v1/auth/profile").then().statusCode(200)
                .body("data.role", is("user"));
    }
}
