package io.proxima.domain.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.proxima.domain.shared.DomainException;
import io.proxima.domain.shared.ErrorCode;
import io.proxima.domain.shared.StateConflictException;
import io.proxima.domain.shared.ValidationException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TicketTest {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    private final UUID customer = UUID.randomUUID();
    private final UUID staff = UUID.randomUUID();

    private Ticket open() {
        return Ticket.open(customer, "Server down", "My VM does not boot", TicketCategory.TECHNICAL,
                TicketPriority.HIGH, null, T0).ticket();
    }

    @Test
    void replies_move_the_workflow() {
        Ticket t = open();
        assertThat(t.status()).isEqualTo(TicketStatus.OPEN);
        t.reply(staff, true, false, "Looking into it", T0.plusSeconds(60));
        assertThat(t.status()).isEqualTo(TicketStatus.ANSWERED);
        t.reply(customer, false, false, "Still down", T0.plusSeconds(120));
        assertThat(t.status()).isEqualTo(TicketStatus.OPEN);
        t.changeStatus(TicketStatus.PENDING, true, T0.plusSeconds(180));
        assertThat(t.status()).isEqualTo(TicketStatus.PENDING);
        t.reply(staff, true, true, "waiting for DC", T0.plusSeconds(200));
        assertThat(t.status()).as("an internal note changes nothing").isEqualTo(TicketStatus.PENDING);
        assertThat(t.lastActivityAt()).isEqualTo(T0.plusSeconds(180));
        t.changeStatus(TicketStatus.CLOSED, false, T0.plusSeconds(300));
        assertThat(t.status()).isEqualTo(TicketStatus.CLOSED);
        assertThat(t.closedAt()).isEqualTo(T0.plusSeconds(300));
    }

    @Test
    void a_customer_reply_reopens_a_closed_ticket_only_within_seven_days() {
        Ticket t = open();
        t.changeStatus(TicketStatus.CLOSED, false, T0);
        t.reply(customer, false, false, "Actually, one more thing", T0.plus(Duration.ofDays(6)));
        assertThat(t.status()).isEqualTo(TicketStatus.OPEN);
        assertThat(t.closedAt()).isNull();

        t.changeStatus(TicketStatus.CLOSED, true, T0.plus(Duration.ofDays(7)));
        assertThatThrownBy(() -> t.reply(customer, false, false, "hello?", T0.plus(Duration.ofDays(14)).plusSeconds(1)))
                .isInstanceOf(StateConflictException.class);
        assertThat(t.status()).isEqualTo(TicketStatus.CLOSED);
    }

    @Test
    void customers_may_only_close_and_never_write_internal_notes() {
        Ticket t = open();
        assertThatThrownBy(() -> t.changeStatus(TicketStatus.ANSWERED, false, T0))
                .isInstanceOf(DomainException.class)
                .satisfies(e -> assertThat(((DomainException) e).code()).isEqualTo(ErrorCode.FORBIDDEN));
        assertThatThrownBy(() -> t.reply(customer, false, true, "psst", T0))
                .isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> t.reply(UUID.randomUUID(), false, false, "not mine", T0))
                .isInstanceOf(DomainException.class);
    }

    @Test
    void staff_cannot_answer_a_closed_ticket_without_reopening_it() {
        Ticket t = open();
        t.changeStatus(TicketStatus.CLOSED, true, T0);
        assertThatThrownBy(() -> t.reply(staff, true, false, "late answer", T0)).isInstanceOf(StateConflictException.class);
        assertThatThrownBy(() -> t.changeStatus(TicketStatus.PENDING, true, T0)).isInstanceOf(StateConflictException.class);
        t.changeStatus(TicketStatus.OPEN, true, T0);
        t.reply(staff, true, false, "late answer", T0);
        assertThat(t.status()).isEqualTo(TicketStatus.ANSWERED);
    }

    @Test
    void subject_and_body_limits_and_plain_text() {
        assertThatThrownBy(() -> Ticket.open(customer, "hi", "", TicketCategory.OTHER, TicketPriority.NORMAL, null, T0))
                .isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(((ValidationException) e).fieldErrors()).extracting(f -> f.field())
                        .containsExactly("subject", "body"));
        assertThatThrownBy(() -> Ticket.open(customer, "x".repeat(201), "b", TicketCategory.OTHER, TicketPriority.NORMAL, null, T0))
                .isInstanceOf(ValidationException.class);
        var opened = Ticket.open(customer, "  <b>Help</b>\u0007 ", "<script>alert(1)</script>\r\nline2\u0000",
                TicketCategory.OTHER, TicketPriority.NORMAL, null, T0);
        assertThat(opened.ticket().subject()).isEqualTo("<b>Help</b>");
        assertThat(opened.firstMessage().body()).isEqualTo("<script>alert(1)</script>\nline2");
    }

    @Test
    void attachments_are_sniffed_from_their_bytes() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0};
        assertThat(AttachmentPolicy.sniff("attachments[0]", png)).isEqualTo("image/png");
        assertThat(AttachmentPolicy.sniff("a", "%PDF-1.7 ...".getBytes(StandardCharsets.US_ASCII))).isEqualTo("application/pdf");
        assertThat(AttachmentPolicy.sniff("a", "kernel: oops\n日志".getBytes(StandardCharsets.UTF_8))).startsWith("text/plain");
        byte[] exe = {'M', 'Z', (byte) 0x90, 0, 3, 0};
        assertThatThrownBy(() -> AttachmentPolicy.sniff("attachments[1]", exe)).isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(((ValidationException) e).fieldErrors().get(0).field()).isEqualTo("attachments[1]"));
        assertThatThrownBy(() -> AttachmentPolicy.sniff("a", new byte[(int) AttachmentPolicy.MAX_BYTES + 1]))
                .isInstanceOf(ValidationException.class);
        assertThat(AttachmentPolicy.safeFileName("../../etc/passwd")).isEqualTo("passwd");
        assertThat(AttachmentPolicy.safeFileName("C:\\Users\\me\\screen shot \"1\".png")).isEqualTo("screen_shot__1_.png");
        assertThat(AttachmentPolicy.safeFileName("...")).isEqualTo("attachment");
        assertThat(AttachmentPolicy.safeFileName("x".repeat(300) + ".log")).hasSize(100).endsWith(".log");
    }
}
