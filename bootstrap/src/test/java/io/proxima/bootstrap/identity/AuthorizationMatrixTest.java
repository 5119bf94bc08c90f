package io.proxima.bootstrap.identity;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Every route of the identity issue, called as anonymous, user A, user B, admin, support, a read
 * key and a write key (both A's): each cell names the expected HTTP status.
 */
@QuarkusTest
@Tag("security")
class AuthorizationMatrixTest {

    private static final String[] CALLERS = {"anon", "userA", "userB", "admin", "support", "readKey", "writeKey"};

    private final Map<String, Supplier<RequestSpecification>> callers = new LinkedHashMap<>();
    private IdentityApi.Account a;
    private String aKeyId;

    @BeforeEach
    void callers() {
        a = IdentityApi.verifiedUser("matrixA");
        IdentityApi.Account b = IdentityApi.verifiedUser("matrixB");
        IdentityApi.Account admin = IdentityApi.admin();
        IdentityApi.Account support = IdentityApi.userWithRole("matrixS", "support");
        var created = a.as().contentType(ContentType.JSON).body(Map.of("name", "r", "scopes", List.of("read")))
                .post("/api/v1/account/api-keys");
        aKeyId = created.path("data.id");
        String read = created.path("data.key");
        String write = a.as().contentType(ContentType.JSON).body(Map.of("name", "w", "scopes", List.of("write")))
                .post("/api/v1/account/api-keys").path("data.key");
        callers.put("anon", () -> given());
        callers.put("userA", a::as);
        callers.put("userB", b::as);
        callers.put("admin", admin::as);
        callers.put("support", support::as);
        callers.put("readKey", () -> given().header("X-API-Key", read));
        callers.put("writeKey", () -> given().header("X-API-Key", write));
    }

    private record Route(String method, String path, Object body, int... expected) {
    }

    @Test
    void every_route_answers_each_caller_as_specified() {
        String random = UUID.randomUUID().toString();
        String newUser = IdentityApi.unique("mx");
        List<Route> routes = List.of(
                // Auth: anonymous routes answer everyone alike (here: 422 for an empty body, not 401/403).
                new Route("POST", "/api/v1/auth/register", Map.of(), 422, 422, 422, 422, 422, 422, 422),
                new Route("POST", "/api/v1/auth/verify", Map.of(), 422, 422, 422, 422, 422, 422, 422),
                new Route("POST", "/api/v1/auth/verify/resend", Map.of(), 422, 422, 422, 422, 422, 422, 422),
                new Route("POST", "/api/v1/auth/login", Map.of(), 422, 422, 422, 422, 422, 422, 422),
                new Route("POST", "/api/v1/auth/admin/login", Map.of(), 422, 422, 422, 422, 422, 422, 422),
                new Route("POST", "/api/v1/auth/refresh", Map.of(), 422, 422, 422, 422, 422, 422, 422),
                new Route("POST", "/api/v1/auth/password/forgot", Map.of(), 422, 422, 422, 422, 422, 422, 422),
                new Route("POST", "/api/v1/auth/password/reset", Map.of(), 422, 422, 422, 422, 422, 422, 422),
                new Route("GET", "/api/v1/auth/profile", null, 401, 200, 200, 200, 200, 200, 403),
                // Account
                new Route("GET", "/api/v1/account/profile", null, 401, 200, 200, 200, 200, 200, 403),
                new Route("PUT", "/api/v1/account/profile", Map.of(), 401, 200, 200, 200, 200, 403, 200),
                new Route("PUT", "/api/v1/account/password", Map.of("current_password", "Wrong-1-pass",
                        "new_password", "Other-Passw0rd"), 401, 422, 422, 422, 422, 403, 403),
                new Route("GET", "/api/v1/account/totp", null, 401, 200, 200, 200, 200, 200, 403),
                new Route("POST", "/api/v1/account/totp", Map.of(), 401, 200, 200, 200, 200, 403, 403),
                new Route("DELETE", "/api/v1/account/totp", Map.of("code", "000000"), 401, 409, 409, 409, 409, 403, 403),
                new Route("GET", "/api/v1/account/api-keys", null, 401, 200, 200, 200, 200, 200, 403),
                new Route("POST", "/api/v1/account/api-keys", Map.of("name", "n", "scopes", List.of("read")),
                        401, 201, 201, 201, 201, 403, 403),
                new Route("PATCH", "/api/v1/account/api-keys/" + aKeyId, Map.of("enabled", true),
                        401, 200, 404, 404, 404, 403, 403),
                new Route("DELETE", "/api/v1/account/api-keys/" + random, null, 401, 404, 404, 404, 404, 403, 403),
                // Users (admin)
                new Route("GET", "/api/v1/users", null, 401, 403, 403, 200, 403, 403, 403),
                new Route("GET", "/api/v1/users/" + a.id(), null, 401, 200, 404, 200, 404, 200, 403),
                new Route("POST", "/api/v1/users", Map.of("username", newUser, "email", newUser + "@example.test",
                        "password", IdentityApi.PASSWORD), 401, 403, 403, 201, 403, 403, 403),
                new Route("PUT", "/api/v1/users/" + random, Map.of(), 401, 403, 403, 404, 403, 403, 403),
                new Route("PUT", "/api/v1/users/" + random + "/status", Map.of("status", "disabled"),
                        401, 403, 403, 404, 403, 403, 403),
                new Route("DELETE", "/api/v1/users/" + random, null, 401, 403, 403, 404, 403, 403, 403),
                // Audit
                new Route("GET", "/api/v1/audit-logs", null, 401, 200, 200, 200, 200, 200, 403),
                new Route("GET", "/api/v1/admin/system/logs", null, 401, 403, 403, 200, 403, 403, 403),
                // Logout last: it ends the callers' sessions.
                new Route("POST", "/api/v1/auth/logout", null, 401, 200, 200, 200, 200, 403, 403));

        List<String> mismatches = new ArrayList<>();
        for (Route route : routes) {
            for (int i = 0; i < CALLERS.length; i++) {
                RequestSpecification spec = callers.get(CALLERS[i]).get();
                if (route.body() != null) {
                    spec = spec.contentType(ContentType.JSON).body(route.body());
                }
                var response = spec.request(route.method(), route.path());
                int status = response.statusCode();
                if (status != route.expected()[i]) {
                    mismatches.add(route.method() + " " + route.path() + " as " + CALLERS[i] + ": expected "
                            + route.expected()[i] + " got " + status + " " + response.asString());
                }
                if (status == 401 || status == 403) {
                    // Denials are always in the envelope with the SPEC codes.
                    int code = response.path("code");
                    assertThat(code).isIn(40101, 40003, 40301);
                }
            }
        }
        assertThat(mismatches).isEmpty();
    }
}
