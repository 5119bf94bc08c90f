package io.proxima.bootstrap.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;

import io.proxima.bootstrap.contract.ValidatesOpenApi;
import com.icegreen.greenmail.util.GreenMailUtil;
import io.proxima.bootstrap.identity.IdentityApi;
import io.proxima.bootstrap.identity.IdentityApi.Account;
import io.proxima.bootstrap.support.GreenMailResource;
import io.proxima.adapter.out.proxmox.simulator.SimulatedPveCluster;
import io.proxima.application.node.port.in.NodeAdministrationUseCase;
import io.proxima.bootstrap.support.TestClock;
import io.proxima.bootstrap.vm.VmOrders;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Support tickets over HTTP against PostgreSQL: a customer's ticket with attachments through
 * the staff queue, assignment, replies with mail notifications, internal notes and closing;
 * ownership, rejected uploads that leave nothing behind, and the staff role's boundaries.
 */
@QuarkusTest
@ValidatesOpenApi
@QuarkusTestResource(GreenMailResource.class)
class TicketFlowTest {

    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
    static final byte[] EXE = {'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, (byte) 0xFF, (byte) 0xFF, 0, 0};

    @Inject
    TestClock clock;

    @Inject
    SimulatedPveCluster cluster;

    @Inject
    NodeAdministrationUseCase nodes;

    @Test
    void customer_ticket_from_opening_through_staff_reply_to_closing() {
        Account customer = IdentityApi.verifiedUser("tcust");
        Account stranger = IdentityApi.verifiedUser("tstranger");
        Account support = IdentityApi.userWithRole("tsup", "support");
        String word = "disk" + UUID.randomUUID().toString().substring(0, 8);
        String html = "<script>alert('x')</script> <b>my VM</b> is down & " + word;
        byte[] log = "kernel: I/O error on /dev/vda\n".getBytes(StandardCharsets.UTF_8);

        Response opened = customer.as()
                .multiPart("subject", "Server " + word + " unreachable")
                .multiPart("body", html)
                .multiPart("category", "technical")
                .multiPart("priority", "high")
                .multiPart("attachments", "screen shot.png", PNG, "application/octet-stream")
                .multiPart("attachments", "../../var/log/syslog.txt", log, "image/png")
                .post("/api/v1/tickets");
        assertThat(opened.statusCode()).as(opened.asString()).isEqualTo(201);
        String id = opened.path("data.id");
        assertThat(opened.header("Location")).endsWith("/api/v1/tickets/" + id);
        assertThat((String) opened.path("data.status")).isEqualTo("open");
        assertThat((String) opened.path("data.priority")).isEqualTo("high");
        assertThat((String) opened.path("data.category")).isEqualTo("technical");
        assertThat((String) opened.path("data.messages[0].body")).isEqualTo(html);
        List<String> types = opened.path("data.messages[0].attachments.content_type");
        List<String> names = opened.path("data.messages[0].attachments.file_name");
        assertThat(types).containsExactly("image/png", "text/plain; charset=utf-8"); // sniffed, not the client's claim
        assertThat(names).containsExactly("screen_shot.png", "syslog.txt");
        String pngId = opened.path("data.messages[0].attachments[0].id");

        // The owner downloads the attachment as a download, never rendered inline.
        Response file = customer.as().get("/api/v1/tickets/" + id + "/attachments/" + pngId);
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.asByteArray()).isEqualTo(PNG);
        assertThat(file.contentType()).isEqualTo("image/png");
        assertThat(file.header("Content-Disposition")).isEqualTo("attachment; filename=\"screen_shot.png\"");
        assertThat(file.header("X-Content-Type-Options")).isEqualTo("nosniff");

        // Another customer cannot see the ticket, its attachment, nor reply to it.
        stranger.as().get("/api/v1/tickets/" + id).then().statusCode(404).body("code", is(40401));
        stranger.as().get("/api/v1/tickets/" + id + "/attachments/" + pngId).then().statusCode(404);
        stranger.as().contentType(ContentType.JSON).body(Map.of("body", "hi")).post("/api/v1/tickets/" + id + "/messages")
                .then().statusCode(404);
        assertThat((List<String>) stranger.as().get("/api/v1/tickets").path("data.items.id")).doesNotContain(id);
        assertThat((List<String>) customer.as().get("/api/v1/tickets").path("data.items.id")).contains(id);

        // Staff find it in the queue by text, status and customer.
        Response queue = support.as().queryParam("search", word.toUpperCase()).queryParam("status", "open")
                .queryParam("user_id", customer.id()).get("/api/v1/admin/tickets");
        assertThat(queue.statusCode()).as(queue.asString()).isEqualTo(200);
        assertThat((List<String>) queue.path("data.items.id")).containsExactly(id);
        assertThat((List<String>) support.as().queryParam("search", word).queryParam("status", "closed")
                .get("/api/v1/admin/tickets").path("data.items.id")).isEmpty();
        // Staff may download too.
        support.as().get("/api/v1/tickets/" + id + "/attachments/" + pngId).then().statusCode(200);

        // Assignment: only staff accounts qualify.
        support.as().contentType(ContentType.JSON).body(Map.of("assignee_id", customer.id()))
                .put("/api/v1/admin/tickets/" + id + "/assignee")
                .then().statusCode(422).body("details[0].field", is("assignee_id"));
        support.as().contentType(ContentType.JSON).body(Map.of("assignee_id", support.id()))
                .put("/api/v1/admin/tickets/" + id + "/assignee")
                .then().statusCode(200).body("data.assignee_id", is(support.id()));
        assertThat((List<String>) support.as().queryParam("assignee_id", support.id()).get("/api/v1/admin/tickets")
                .path("data.items.id")).containsExactly(id);

        // A staff reply answers the ticket and mails the customer.
        support.as().contentType(ContentType.JSON).body(Map.of("body", "We are looking into " + word))
                .post("/api/v1/tickets/" + id + "/messages")
                .then().statusCode(201).body("data.staff", is(true));
        assertThat((String) customer.as().get("/api/v1/tickets/" + id).path("data.status")).isEqualTo("answered");
        MimeMessage toCustomer = awaitMail(customer.email(), "New reply");
        assertThat(GreenMailUtil.getBody(toCustomer)).contains("We are looking into " + word);

        // An internal note: staff see it, the customer never does, nobody is mailed.
        support.as().contentType(ContentType.JSON).body(Map.of("body", "secret note " + word, "internal", true))
                .post("/api/v1/tickets/" + id + "/messages").then().statusCode(201).body("data.internal", is(true));
        List<String> customerView = customer.as().get("/api/v1/tickets/" + id).path("data.messages.body");
        assertThat(customerView).hasSize(2).noneMatch(b -> b.contains("secret note"));
        List<String> staffView = support.as().get("/api/v1/tickets/" + id).path("data.messages.body");
        assertThat(staffView).hasSize(3).anyMatch(b -> b.contains("secret note"));
        assertThat((String) customer.as().get("/api/v1/tickets/" + id).path("data.status")).isEqualTo("answered");
        customer.as().contentType(ContentType.JSON).body(Map.of("body", "sneaky", "internal", true))
                .post("/api/v1/tickets/" + id + "/messages").then().statusCode(403);

        // The customer's reply reopens it and mails the assignee.
        customer.as().contentType(ContentType.JSON).body(Map.of("body", "Still down " + word))
                .post("/api/v1/tickets/" + id + "/messages").then().statusCode(201).body("data.staff", is(false));
        assertThat((String) customer.as().get("/api/v1/tickets/" + id).path("data.status")).isEqualTo("open");
        MimeMessage toAssignee = awaitMail(support.email(), "Customer replied");
        assertThat(GreenMailUtil.getBody(toAssignee)).contains("Still down " + word);
        assertThat(mails(customer.email(), "New reply")).as("the note mailed nobody").hasSize(1);

        // Customers may only close; then it is closed for everyone.
        customer.as().contentType(ContentType.JSON).body(Map.of("status", "pending"))
                .put("/api/v1/tickets/" + id + "/status").then().statusCode(403);
        customer.as().contentType(ContentType.JSON).body(Map.of("status", "closed"))
                .put("/api/v1/tickets/" + id + "/status").then().statusCode(200).body("data.status", is("closed"));
        Response closed = support.as().get("/api/v1/tickets/" + id);
        assertThat((String) closed.path("data.status")).isEqualTo("closed");
        assertThat((String) closed.path("data.closed_at")).isNotNull();
        // A staff reply to a closed ticket is not a transition of the table.
        support.as().contentType(ContentType.JSON).body(Map.of("body", "late"))
                .post("/api/v1/tickets/" + id + "/messages").then().statusCode(409).body("code", is(40902));
        // Staff may reopen through the admin route.
        support.as().contentType(ContentType.JSON).body(Map.of("status", "open"))
                .put("/api/v1/admin/tickets/" + id + "/status").then().statusCode(200).body("data.status", is("open"));
        support.as().contentType(ContentType.JSON).body(Map.of("status", "pending"))
                .put("/api/v1/admin/tickets/" + id + "/status").then().statusCode(200).body("data.status", is("pending"));

        // Every change is in the audit log, oldest first.
        List<String> actions = IdentityApi.admin().as().queryParam("resource_type", "ticket").queryParam("resource_id", id)
                .queryParam("per_page", 100).get("/api/v1/admin/system/logs").path("data.items.action");
        assertThat(actions).containsExactlyInAnyOrder("ticket.create", "ticket.assign", "ticket.reply", "ticket.note",
                "ticket.reply", "ticket.status", "ticket.status", "ticket.status");
    }

    @Test
    void json_bodies_keep_the_small_limit_while_uploads_get_the_large_one() {
        Account customer = IdentityApi.verifiedUser("tlimit");
        customer.as().contentType(ContentType.JSON)
                .body("{\"subject\":\"big\",\"body\":\"" + "a".repeat(2 * 1024 * 1024) + "\"}")
                .post("/api/v1/tickets").then().statusCode(413).body("code", is(41301));
        // A long body as a multipart text part (above Vert.x's default 2K form attribute limit).
        String longBody = "line of a long report\n".repeat(800).strip();
        Response longOne = customer.as().multiPart("subject", "Long report").multiPart("body", longBody)
                .post("/api/v1/tickets");
        assertThat(longOne.statusCode()).as(longOne.asString()).isEqualTo(201);
        assertThat((String) longOne.path("data.messages[0].body")).isEqualTo(longBody);
        // Two 1.5 MB text files in one multipart request are above the JSON limit and accepted.
        byte[] part = new byte[1536 * 1024];
        Arrays.fill(part, (byte) 'b');
        Response r = customer.as().multiPart("subject", "Large logs").multiPart("body", "two logs")
                .multiPart("attachments", "a.log", part, "text/plain").multiPart("attachments", "b.log", part, "text/plain")
                .post("/api/v1/tickets");
        assertThat(r.statusCode()).as(r.asString()).isEqualTo(201);
        assertThat((List<Integer>) r.path("data.messages[0].attachments.size")).containsExactly(part.length, part.length);
    }

    @Test
    void unassigned_customer_reply_mails_all_staff_and_staff_reply_uses_the_customers_language() {
        Account customer = IdentityApi.verifiedUser("tzh");
        customer.as().contentType(ContentType.JSON).body(Map.of("language", "zh")).put("/api/v1/account/profile")
                .then().statusCode(200);
        Account support = IdentityApi.userWithRole("tsupall", "support");
        String id = openJson(customer, "Billing question", "Why was I charged twice?");
        assertThat(GreenMailUtil.getBody(awaitMail(support.email(), "New ticket"))).contains("Why was I charged twice?");
        customer.as().contentType(ContentType.JSON).body(Map.of("body", "Any news?"))
                .post("/api/v1/tickets/" + id + "/messages").then().statusCode(201);
        assertThat(GreenMailUtil.getBody(awaitMail(support.email(), "Customer replied"))).contains("Any news?");
        support.as().contentType(ContentType.JSON).body(Map.of("body", "Refunded."))
                .post("/api/v1/tickets/" + id + "/messages").then().statusCode(201);
        assertThat(IdentityApi.subject(awaitMail(customer.email(), "新回复"))).contains("Billing question");
    }

    @Test
    void rejected_uploads_and_bad_input_leave_nothing_behind() {
        Account customer = IdentityApi.verifiedUser("tbad");
        Account other = IdentityApi.verifiedUser("tbadother");

        // A Windows executable renamed to .png is refused by its bytes; no ticket is created.
        customer.as().multiPart("subject", "Look at this").multiPart("body", "see file")
                .multiPart("attachments", "photo.png", EXE, "image/png")
                .post("/api/v1/tickets")
                .then().statusCode(422).body("code", is(42201)).body("details[0].field", is("attachments[0]"));
        customer.as().get("/api/v1/tickets").then().statusCode(200).body("data.pagination.total_count", is(0));

        String id = openJson(customer, "Normal ticket", "first message");
        var sixFiles = customer.as().multiPart("body", "six files");
        for (int i = 0; i < 6; i++) {
            sixFiles = sixFiles.multiPart("attachments", "f" + i + ".txt", ("file " + i).getBytes(StandardCharsets.UTF_8), "text/plain");
        }
        sixFiles.post("/api/v1/tickets/" + id + "/messages")
                .then().statusCode(422).body("details[0].field", is("attachments"));
        // One good file and one bad one: neither the message nor the good file is kept.
        customer.as().multiPart("body", "mixed").multiPart("attachments", "ok.txt", "fine".getBytes(StandardCharsets.UTF_8), "text/plain")
                .multiPart("attachments", "setup.exe", EXE, "application/octet-stream")
                .post("/api/v1/tickets/" + id + "/messages")
                .then().statusCode(422).body("details[0].field", is("attachments[1]"));
        byte[] tooBig = new byte[5 * 1024 * 1024 + 1];
        Arrays.fill(tooBig, (byte) 'a');
        customer.as().multiPart("body", "big").multiPart("attachments", "big.log", tooBig, "text/plain")
                .post("/api/v1/tickets/" + id + "/messages")
                .then().statusCode(422).body("details[0].field", is("attachments[0]"));
        Response t = customer.as().get("/api/v1/tickets/" + id);
        assertThat((List<String>) t.path("data.messages.body")).containsExactly("first message");
        assertThat((String) t.path("data.status")).isEqualTo("open");

        // Field validation: subject, body, enums and a VM that is not the customer's.
        Response bad = customer.as().contentType(ContentType.JSON)
                .body(Map.of("subject", "x", "body", " ", "priority", "asap", "category", "music",
                        "vm_id", UUID.randomUUID().toString()))
                .post("/api/v1/tickets");
        assertThat(bad.statusCode()).isEqualTo(422);
        assertThat((List<String>) bad.path("details.field")).contains("subject", "body", "priority", "category", "vm_id");
        customer.as().contentType(ContentType.JSON).body(Map.of("subject", "Too long", "body", "a".repeat(20_001)))
                .post("/api/v1/tickets").then().statusCode(422).body("details[0].field", is("body"));
        customer.as().contentType(ContentType.JSON).body(Map.of("status", "sleeping"))
                .put("/api/v1/tickets/" + id + "/status").then().statusCode(422).body("details[0].field", is("status"));
        customer.as().get("/api/v1/tickets/not-a-uuid").then().statusCode(404);
        customer.as().get("/api/v1/tickets").then().body("data.pagination.total_count", is(1));
        other.as().get("/api/v1/tickets").then().body("data.pagination.total_count", is(0));
    }

    @Test
    void a_ticket_may_name_the_customers_own_vm_only() {
        Account admin = IdentityApi.admin();
        VmOrders.Ordered ordered = VmOrders.orderVm(admin, cluster.endpoint().orElseThrow(), "tickethost", nodes::heartbeatAll);
        Account other = IdentityApi.verifiedUser("tvmother");
        Response r = ordered.owner().as().contentType(ContentType.JSON)
                .body(Map.of("subject", "VM issue", "body", "slow", "category", "technical", "vm_id", ordered.vmId()))
                .post("/api/v1/tickets");
        assertThat(r.statusCode()).as(r.asString()).isEqualTo(201);
        assertThat((String) r.path("data.vm_id")).isEqualTo(ordered.vmId());
        other.as().contentType(ContentType.JSON)
                .body(Map.of("subject", "VM issue", "body", "slow", "vm_id", ordered.vmId()))
                .post("/api/v1/tickets").then().statusCode(422).body("details[0].field", is("vm_id"));
        other.as().contentType(ContentType.JSON)
                .body(Map.of("subject", "VM issue", "body", "slow", "vm_id", "not-a-uuid"))
                .post("/api/v1/tickets").then().statusCode(422).body("details[0].field", is("vm_id"));
    }

    @Test
    void a_closed_ticket_reopens_on_a_customer_reply_only_within_seven_days() {
        Account customer = IdentityApi.verifiedUser("treopen");
        String id = openJson(customer, "Reopen me", "first");
        String id2 = openJson(customer, "Stay closed", "first");
        for (String t : List.of(id, id2)) {
            customer.as().contentType(ContentType.JSON).body(Map.of("status", "closed"))
                    .put("/api/v1/tickets/" + t + "/status").then().statusCode(200);
        }
        customer.as().contentType(ContentType.JSON).body(Map.of("body", "one more thing"))
                .post("/api/v1/tickets/" + id + "/messages").then().statusCode(201);
        assertThat((String) customer.as().get("/api/v1/tickets/" + id).path("data.status")).isEqualTo("open");
        // An API key (no expiry) keeps the customer signed in across the jump in time.
        String key = customer.as().contentType(ContentType.JSON)
                .body(Map.of("name", "tickets", "scopes", List.of("read", "write")))
                .post("/api/v1/account/api-keys").then().statusCode(201).extract().path("data.key");
        try {
            clock.advance(Duration.ofDays(8));
            io.restassured.RestAssured.given().header("X-API-Key", key).contentType(ContentType.JSON).body(Map.of("body", "hello again"))
                    .post("/api/v1/tickets/" + id2 + "/messages").then().statusCode(409).body("code", is(40902));
        } finally {
            clock.reset();
        }
        assertThat((String) customer.as().get("/api/v1/tickets/" + id2).path("data.status")).isEqualTo("closed");
    }

    @Test
    void support_staff_handle_tickets_and_nothing_else_of_the_admin_api() {
        Account support = IdentityApi.userWithRole("tsuponly", "support");
        Account customer = IdentityApi.verifiedUser("tcustonly");
        support.as().get("/api/v1/admin/tickets").then().statusCode(200);
        support.as().get("/api/v1/users").then().statusCode(403).body("code", is(40301));
        support.as().get("/api/v1/admin/billing/transactions").then().statusCode(403).body("code", is(40301));
        customer.as().get("/api/v1/admin/tickets").then().statusCode(403).body("code", is(40301));
        String id = openJson(customer, "Assign me", "please");
        customer.as().contentType(ContentType.JSON).body(Map.of("assignee_id", support.id()))
                .put("/api/v1/admin/tickets/" + id + "/assignee").then().statusCode(403);
        // Unassigning is allowed.
        IdentityApi.admin().as().contentType(ContentType.JSON).body(Map.of("assignee_id", support.id()))
                .put("/api/v1/admin/tickets/" + id + "/assignee").then().statusCode(200);
        support.as().contentType(ContentType.JSON).body("{\"assignee_id\": null}")
                .put("/api/v1/admin/tickets/" + id + "/assignee").then().statusCode(200).body("data.assignee_id", is((Object) null));
    }

    private static String openJson(Account customer, String subject, String body) {
        Response r = customer.as().contentType(ContentType.JSON).body(Map.of("subject", subject, "body", body))
                .post("/api/v1/tickets");
        assertThat(r.statusCode()).as(r.asString()).isEqualTo(201);
        assertThat((String) r.path("data.priority")).isEqualTo("normal");
        assertThat((String) r.path("data.category")).isEqualTo("other");
        return r.path("data.id");
    }

    private static List<MimeMessage> mails(String to, String subjectWord) {
        return Arrays.stream(GreenMailResource.greenMail().getReceivedMessages())
                .filter(m -> recipient(m).equalsIgnoreCase(to))
                .filter(m -> IdentityApi.subject(m).contains(subjectWord))
                .toList();
    }

    /** Waits on GreenMail's notification of each incoming mail, up to a generous deadline. */
    private static MimeMessage awaitMail(String to, String subjectWord) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            int seen = GreenMailResource.greenMail().getReceivedMessages().length;
            List<MimeMessage> found = mails(to, subjectWord);
            if (!found.isEmpty()) {
                return found.get(found.size() - 1);
            }
            long left = Duration.ofNanos(deadline - System.nanoTime()).toMillis();
            if (left <= 0) {
                throw new AssertionError("no mail '" + subjectWord + "' to " + to);
            }
            GreenMailResource.greenMail().waitForIncomingEmail(left, seen + 1);
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
