package io.proxima.bootstrap.identity;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Issue 11, items 9 and 11: avatar URLs limited to the public web; hardening headers on responses. */
@QuarkusTest
@Tag("security")
class ResponseHardeningTest {

    @Test
    void avatars_only_point_at_public_https_hosts() {
        IdentityApi.Account user = IdentityApi.verifiedUser("avatar");
        for (String bad : List.of("javascript:alert(document.cookie)", "data:image/svg+xml;base64,PHN2Zz4=",
                "http://cdn.example.com/a.png", "https://169.254.169.254/latest/meta-data/", "https://10.0.0.5/a.png",
                "https://127.0.0.1/a.png", "https://[::1]/a.png", "https://[::ffff:169.254.169.254]/x",
                "https://localhost/a.png", "https://metadata.google.internal/x", "https://user@cdn.example.com/a.png",
                "https://192.168.1.1/a.png", "https://intranet/a.png")) {
            user.as().contentType(ContentType.JSON).body(Map.of("avatar", bad)).put("/api/v1/account/profile")
                    .then().statusCode(422).body("details[0].field", is("avatar"));
        }
        user.as().contentType(ContentType.JSON).body(Map.of("avatar", "https://cdn.example.com/u/1.png"))
                .put("/api/v1/account/profile").then().statusCode(200).body("data.avatar", is("https://cdn.example.com/u/1.png"));
    }

    @Test
    void responses_carry_the_hardening_headers() {
        given().get("/api/v1/plans").then().statusCode(200)
                .header("X-Content-Type-Options", "nosniff").header("Cache-Control", containsString("no-store"));
        IdentityApi.login(IdentityApi.ADMIN, IdentityApi.ADMIN_PASSWORD).then().statusCode(200)
                .header("Cache-Control", containsString("no-store")).header("X-Content-Type-Options", "nosniff");
        given().get("/api/v1/account/profile").then().statusCode(401).header("Cache-Control", containsString("no-store"));
        given().get("/health").then().statusCode(200).header("X-Content-Type-Options", "nosniff");
        given().get("/q/swagger-ui/").then().statusCode(200)
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                .header("X-Content-Type-Options", "nosniff");
        // The default public URL is http: no HSTS (it would pin a laptop's localhost to https).
        given().get("/health").then().header("Strict-Transport-Security", nullValue());
        // CORS is off by default: a foreign origin gets no allowance.
        given().header("Origin", "https://evil.example").header("Access-Control-Request-Method", "GET")
                .options("/api/v1/plans").then().header("Access-Control-Allow-Origin", nullValue());
        given().header("Origin", "https://evil.example").get("/api/v1/plans").then()
                .header("Access-Control-Allow-Origin", nullValue());
    }
}
