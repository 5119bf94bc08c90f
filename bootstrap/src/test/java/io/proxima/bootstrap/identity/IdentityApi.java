package io.proxima.bootstrap.identity;

import static io.restassured.RestAssured.given;

import com.icegreen.greenmail.util.GreenMailUtil;
import io.proxima.bootstrap.support.GreenMailResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Helpers shared by the identity flow tests: accounts over HTTP and codes from real mails. */
@QuarkusTestResource(GreenMailResource.class)
public final class IdentityApi {

    public static final String ADMIN = "admin";
    public static final String ADMIN_PASSWORD = "Admin-Passw0rd!";
    public static final String PASSWORD = "Correct-Horse-9";
    private static final Pattern CODE = Pattern.compile("\\b(\\d{6})\\b");
    private static final AtomicInteger SEQ = new AtomicInteger();

    private IdentityApi() {
    }

    public record Account(String id, String username, String email, String accessToken, String refreshToken) {

        public RequestSpecification as() {
            return given().header("Authorization", "Bearer " + accessToken);
        }
    }

    public static String unique(String base) {
        return base + SEQ.incrementAndGet() + UUID.randomUUID().toString().substring(0, 6);
    }

    public static Response register(String username, String email, String password) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("username", username, "email", email, "password", password))
                .post("/api/v1/auth/register");
    }

    public static Response login(String login, String password) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("username", login, "password", password))
                .post("/api/v1/auth/login");
    }

    /** Registers, verifies by the mailed code and logs in. */
    public static Account verifiedUser(String base) {
        String username = unique(base);
        String email = username + "@example.test";
        register(username, email, PASSWORD).then().statusCode(201);
        String code = awaitCode(email, "verification");
        given().contentType(ContentType.JSON).body(Map.of("email", email, "code", code))
                .post("/api/v1/auth/verify").then().statusCode(200);
        return loginAs(username, PASSWORD);
    }

    public static Account loginAs(String login, String password) {
        Response r = login(login, password);
        r.then().statusCode(200);
        return new Account(r.path("data.user.id"), r.path("data.user.username"), r.path("data.user.email"),
                r.path("data.access_token"), r.path("data.refresh_token"));
    }

    public static Account admin() {
        return loginAs(ADMIN, ADMIN_PASSWORD);
    }

    /** Creates a user with a role through the admin API and logs in as that user. */
    public static Account userWithRole(String base, String role) {
        String username = unique(base);
        String email = username + "@example.test";
        admin().as().contentType(ContentType.JSON)
                .body(Map.of("username", username, "email", email, "password", PASSWORD, "role", role))
                .post("/api/v1/users").then().statusCode(201);
        return loginAs(username, PASSWORD);
    }

    /**
     * Waits for the newest mail to {@code email} whose subject mentions {@code subjectWord} and
     * returns its code. It waits on GreenMail's own notification of each incoming mail (no polling
     * interval), up to a deadline generous enough for a loaded machine.
     */
    public static String awaitCode(String email, String subjectWord) {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (true) {
            int seen = GreenMailResource.greenMail().getReceivedMessages().length;
            Optional<String> code = latestCode(email, subjectWord);
            if (code.isPresent()) {
                return code.get();
            }
            long left = Duration.ofNanos(deadline - System.nanoTime()).toMillis();
            if (left <= 0) {
                throw new AssertionError("no mail with a code for " + email + " arrived over SMTP");
            }
            // Returns as soon as one more mail (to anyone) has arrived, or at the deadline.
            GreenMailResource.greenMail().waitForIncomingEmail(left, seen + 1);
        }
    }

    public static int mailCount(String email) {
        return (int) Arrays.stream(GreenMailResource.greenMail().getReceivedMessages())
                .filter(m -> recipient(m).equalsIgnoreCase(email)).count();
    }

    public static Optional<String> latestCode(String email, String subjectWord) {
        return Arrays.stream(GreenMailResource.greenMail().getReceivedMessages())
                .filter(m -> recipient(m).equalsIgnoreCase(email))
                .filter(m -> subject(m).toLowerCase().contains(subjectWord.toLowerCase()))
                .reduce((first, second) -> second) // GreenMail keeps arrival order
                .map(m -> {
                    Matcher matcher = CODE.matcher(subject(m) + " " + GreenMailUtil.getBody(m));
                    return matcher.find() ? matcher.group(1) : null;
                });
    }

    public static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (Exception e) {
            return "";
        }
    }

    private static String recipient(MimeMessage m) {
        try {
            return m.getRecipients(Message.RecipientType.TO)[0].toString();
        } catch (Exception e) {
            return "";
        }
    }

}
