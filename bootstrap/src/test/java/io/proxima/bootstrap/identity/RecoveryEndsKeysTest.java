package io.proxima.bootstrap.identity;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.proxima.bootstrap.support.GreenMailResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Issue 11, item 3: account recovery ends every API key as well as every session; a password
 * change ends the other sessions and, when asked, the keys; both are mailed as security notices.
 */
@QuarkusTest
@QuarkusTestResource(GreenMailResource.class)
@Tag("security")
class RecoveryEndsKeysTest {

    private static String key(IdentityApi.Account a) {
        return a.as().contentType(ContentType.JSON).body(Map.of("name", "k", "scopes", List.of("read", "write")))
                .post("/api/v1/account/api-keys").path("data.key");
    }

    private static int keyStatus(String key) {
        return given().header("X-API-Key", key).get("/api/v1/account/profile").statusCode();
    }

    private static void awaitNotice(String email, String word) {
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> Arrays.stream(GreenMailResource.greenMail()
                .getReceivedMessages()).anyMatch(m -> IdentityApi.subject(m).contains("Security notice")
                && IdentityApi.subject(m).contains(word) && recipient(m).equalsIgnoreCase(email)));
    }

    private static String recipient(jakarta.mail.internet.MimeMessage m) {
        try {
            return m.getRecipients(jakarta.mail.Message.RecipientType.TO)[0].toString();
        } catch (Exception e) {
            return "";
        }
    }

    @Test
    void a_reset_ends_every_key_and_session_and_is_announced() {
        IdentityApi.Account user = IdentityApi.verifiedUser("rkeys");
        String key = key(user);
        assertThat(keyStatus(key)).isEqualTo(200);

        given().contentType(ContentType.JSON).body(Map.of("email", user.email())).post("/api/v1/auth/password/forgot")
                .then().statusCode(200);
        String code = IdentityApi.awaitCode(user.email(), "reset");
        given().contentType(ContentType.JSON).body(Map.of("email", user.email(), "code", code, "new_password", "Recovered-Passw0rd"))
                .post("/api/v1/auth/password/reset").then().statusCode(200);

        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(keyStatus(key)).isEqualTo(401);
            assertThat(user.as().get("/api/v1/account/profile").statusCode()).isEqualTo(401);
        });
        awaitNotice(user.email(), "reset");
    }

    @Test
    void a_change_ends_other_sessions_and_keys_when_asked() {
        IdentityApi.Account user = IdentityApi.verifiedUser("ckeys");
        IdentityApi.Account other = IdentityApi.loginAs(user.username(), IdentityApi.PASSWORD);
        String key = key(user);

        user.as().contentType(ContentType.JSON).body(Map.of("current_password", IdentityApi.PASSWORD,
                "new_password", "Second-Passw0rd")).put("/api/v1/account/password").then().statusCode(200);
        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(other.as().get("/api/v1/account/profile").statusCode()).isEqualTo(401));
        assertThat(keyStatus(key)).as("keys stay unless asked").isEqualTo(200);
        awaitNotice(user.email(), "changed");

        user.as().contentType(ContentType.JSON).body(Map.of("current_password", "Second-Passw0rd",
                "new_password", "Third-Passw0rd-3", "revoke_api_keys", true)).put("/api/v1/account/password")
                .then().statusCode(200);
        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(keyStatus(key)).isEqualTo(401));
        assertThat(user.as().get("/api/v1/account/profile").statusCode()).isEqualTo(200);
    }
}
