package io.proxima.bootstrap.identity;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;

import io.proxima.adapter.out.security.Rfc6238TotpCodes;
import io.proxima.bootstrap.support.GreenMailResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Issue 11, item 1: a leaked API key or access token must not become ownership of the account
 * through its email address (or phone).
 */
@QuarkusTest
@QuarkusTestResource(GreenMailResource.class)
@Tag("security")
class AccountTakeoverTest {

    private static final Pattern UNDO = Pattern.compile("(https?://\\S+/api/v1/auth/account-change/undo\\?token=([A-Za-z0-9_-]+))");

    @Inject
    Rfc6238TotpCodes totp;

    private static Response put(IdentityApi.Account a, Map<String, Object> body) {
        return a.as().contentType(ContentType.JSON).body(body).put("/api/v1/account/profile");
    }

    private static List<MimeMessage> mailsTo(String address) {
        return Arrays.stream(GreenMailResource.greenMail().getReceivedMessages())
                .filter(m -> {
                    try {
                        return m.getRecipients(Message.RecipientType.TO)[0].toString().equalsIgnoreCase(address);
                    } catch (Exception e) {
                        return false;
                    }
                }).toList();
    }

    private static String text(MimeMessage m) {
        try {
            return m.getSubject() + "\n" + m.getContent();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static MimeMessage awaitMail(String address, String subjectWord) {
        return Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> mailsTo(address).stream()
                .filter(m -> IdentityApi.subject(m).contains(subjectWord)).reduce((a, b) -> b), Optional::isPresent).get();
    }

    private static String undoToken(MimeMessage m) {
        Matcher matcher = UNDO.matcher(text(m));
        assertThat(matcher.find()).as("undo link in " + text(m)).isTrue();
        return matcher.group(2);
    }

    @Test
    void a_leaked_key_or_token_cannot_take_the_account_over_through_its_email() {
        IdentityApi.Account victim = IdentityApi.verifiedUser("victim");
        String attacker = IdentityApi.unique("attacker") + "@evil.test";
        String key = victim.as().contentType(ContentType.JSON).body(Map.of("name", "ci", "scopes", List.of("read", "write")))
                .post("/api/v1/account/api-keys").path("data.key");

        // A write-scoped key: never email, phone, password, 2FA or keys.
        for (Map<String, Object> body : List.of(Map.<String, Object>of("email", attacker),
                Map.<String, Object>of("phone", "+1 555 0199"),
                Map.<String, Object>of("email", attacker, "current_password", IdentityApi.PASSWORD))) {
            given().header("X-API-Key", key).contentType(ContentType.JSON).body(body).put("/api/v1/account/profile")
                    .then().statusCode(403).body("code", is(40301));
        }
        given().header("X-API-Key", key).contentType(ContentType.JSON).body(Map.of("code", "123456"))
                .post("/api/v1/account/email/verify").then().statusCode(403).body("code", is(40301));
        given().header("X-API-Key", key).contentType(ContentType.JSON)
                .body(Map.of("current_password", IdentityApi.PASSWORD, "new_password", "Other-Passw0rd-1"))
                .put("/api/v1/account/password").then().statusCode(403).body("code", is(40301));
        given().header("X-API-Key", key).contentType(ContentType.JSON).body("{}")
                .post("/api/v1/account/totp").then().statusCode(403).body("code", is(40301));

        // An access token alone (no password): refused, nothing changes.
        put(victim, Map.of("email", attacker)).then().statusCode(422).body("details[0].field", is("current_password"));
        put(victim, Map.of("email", attacker, "current_password", "Wrong-Passw0rd")).then().statusCode(422)
                .body("details[0].field", is("current_password"));
        put(victim, Map.of("phone", "+1 555 0199")).then().statusCode(422);
        victim.as().get("/api/v1/account/profile").then().body("data.email", is(victim.email()))
                .body("data.phone", is((Object) null));

        // With the password: only a request. The account keeps its address, resets go to it.
        put(victim, Map.of("email", attacker, "current_password", IdentityApi.PASSWORD)).then().statusCode(200)
                .body("data.email", is(victim.email()));
        String confirmCode = IdentityApi.awaitCode(attacker, "new");
        MimeMessage notice = awaitMail(victim.email(), "being changed");
        assertThat(text(notice)).contains(attacker).contains("7 days");
        given().contentType(ContentType.JSON).body(Map.of("email", attacker)).post("/api/v1/auth/password/forgot")
                .then().statusCode(200);
        IdentityApi.login(attacker, IdentityApi.PASSWORD).then().statusCode(401);
        given().contentType(ContentType.JSON).body(Map.of("email", victim.email())).post("/api/v1/auth/password/forgot")
                .then().statusCode(200);
        IdentityApi.awaitCode(victim.email(), "reset");
        assertThat(mailsTo(attacker)).noneMatch(m -> IdentityApi.subject(m).toLowerCase().contains("reset"));

        // A wrong code does not confirm; the right one does, and the new address is the login.
        victim.as().contentType(ContentType.JSON).body(Map.of("code", confirmCode.equals("000000") ? "111111" : "000000"))
                .post("/api/v1/account/email/verify").then().statusCode(422).body("details[0].field", is("code"));
        victim.as().contentType(ContentType.JSON).body(Map.of("code", confirmCode))
                .post("/api/v1/account/email/verify").then().statusCode(200).body("data.email", is(attacker));
        IdentityApi.Account asAttacker = IdentityApi.loginAs(attacker, IdentityApi.PASSWORD);

        // The owner undoes it from the old address: address back, every session and key dead.
        String undo = undoToken(notice);
        given().get("/api/v1/auth/account-change/undo?token=" + undo).then().statusCode(200)
                .header("Content-Security-Policy", org.hamcrest.Matchers.containsString("frame-ancestors 'none'"));
        given().contentType(ContentType.JSON).body(Map.of("token", undo)).post("/api/v1/auth/account-change/undo")
                .then().statusCode(200);
        given().contentType(ContentType.JSON).body(Map.of("token", undo)).post("/api/v1/auth/account-change/undo")
                .then().statusCode(422).body("details[0].field", is("token"));
        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            asAttacker.as().get("/api/v1/account/profile").then().statusCode(401);
            given().header("X-API-Key", key).get("/api/v1/account/profile").then().statusCode(401);
        });
        IdentityApi.login(attacker, IdentityApi.PASSWORD).then().statusCode(401);
        IdentityApi.loginAs(victim.email(), IdentityApi.PASSWORD).as().get("/api/v1/account/profile")
                .then().body("data.email", is(victim.email()));
    }

    @Test
    void with_two_factor_on_a_contact_change_needs_the_code_and_the_notice_is_in_the_users_language() {
        IdentityApi.Account user = IdentityApi.verifiedUser("zh2fa");
        put(user, Map.of("language", "zh")).then().statusCode(200);
        String secret = user.as().contentType(ContentType.JSON).body("{}").post("/api/v1/account/totp").path("data.secret");
        Instant now = Instant.now();
        user.as().contentType(ContentType.JSON).body(Map.of("code", totp.codeAt(secret, now)))
                .post("/api/v1/account/totp").then().statusCode(200);

        put(user, Map.of("phone", "+86 10 5555 0100", "current_password", IdentityApi.PASSWORD)).then().statusCode(422)
                .body("details[0].field", is("totp_code"));
        put(user, Map.of("phone", "+86 10 5555 0100", "current_password", IdentityApi.PASSWORD, "totp_code", "000000"))
                .then().statusCode(422).body("details[0].field", is("totp_code"));
        Map<String, Object> ok = new HashMap<>(Map.of("phone", "+86 10 5555 0100", "current_password", IdentityApi.PASSWORD,
                "totp_code", totp.codeAt(secret, now.plusSeconds(30))));
        put(user, ok).then().statusCode(200).body("data.phone", is("+86 10 5555 0100"));

        MimeMessage notice = awaitMail(user.email(), "手机号码");
        String undo = undoToken(notice);
        given().contentType(ContentType.JSON).body(Map.of("token", undo)).post("/api/v1/auth/account-change/undo")
                .then().statusCode(200);
        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                user.as().get("/api/v1/account/profile").then().statusCode(401));
    }
}
