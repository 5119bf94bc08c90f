package io.proxima.application.ticket.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.proxima.application.audit.AuditEvent;
import io.proxima.application.audit.port.in.AuditLog;
import io.proxima.application.mail.port.out.OutgoingMail;
import io.proxima.application.shared.AfterCommit;
import io.proxima.application.shared.Page;
import io.proxima.application.shared.PageRequest;
import io.proxima.application.ticket.port.in.TicketActor;
import io.proxima.application.ticket.port.in.TicketDetails;
import io.proxima.application.ticket.port.in.TicketUseCase.OpenTicketCommand;
import io.proxima.application.ticket.port.in.TicketUseCase.ReplyCommand;
import io.proxima.application.ticket.port.in.TicketUseCase.Upload;
import io.proxima.application.ticket.port.out.TicketRepository;
import io.proxima.application.user.port.in.UserSearch;
import io.proxima.application.user.port.out.UserRepository;
import io.proxima.application.vm.port.out.VmReadRepository;
import io.proxima.application.vm.port.out.VmReadRepository.VmView;
import io.proxima.domain.shared.FieldError;
import io.proxima.domain.shared.ValidationException;
import io.proxima.domain.ticket.Ticket;
import io.proxima.domain.ticket.TicketMessage;
import io.proxima.domain.ticket.TicketStatus;
import io.proxima.domain.user.Language;
import io.proxima.domain.user.Role;
import io.proxima.domain.user.User;
import io.proxima.domain.user.UserId;
import io.proxima.domain.user.UserStatus;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The ticket use cases against in-memory out-ports: what is written, who is mailed, what is refused. */
class TicketServiceTest {

    final Map<UUID, User> users = new HashMap<>();
    final Map<UUID, VmView> vms = new HashMap<>();
    final Store store = new Store();
    final List<OutgoingMail> mails = new ArrayList<>();
    final List<AuditEvent> audit = new ArrayList<>();
    final TicketService service = new TicketService(store, proxy(VmReadRepository.class, (m, a) ->
            m.equals("find") ? Optional.ofNullable(vms.get((UUID) a[0])) : null),
            new TicketNotifications(proxy(UserRepository.class, this::users), mails::add, AfterCommit.immediate()),
            new AuditLog() {
                @Override
                public void record(AuditEvent event) {
                    audit.add(event);
                }

                @Override
                public void recordSeparately(AuditEvent event) {
                    audit.add(event);
                }
            }, Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC));

    final User customer = user(Role.USER, UserStatus.ACTIVE, Language.ZH);
    final User support = user(Role.SUPPORT, UserStatus.ACTIVE, Language.EN);
    final User admin = user(Role.ADMIN, UserStatus.ACTIVE, Language.EN);
    final User disabledSupport = user(Role.SUPPORT, UserStatus.DISABLED, Language.EN);

    @Test
    void unassigned_customer_replies_mail_every_active_staff_member_and_staff_replies_the_customer_in_zh() {
        TicketDetails t = open(List.of());
        assertThat(mails).extracting(OutgoingMail::to).containsExactlyInAnyOrder(support.email(), admin.email());
        assertThat(mails).allMatch(m -> m.template().equals("ticket_opened") && m.params().get("body").equals("first"));
        mails.clear();
        service.reply(t.ticket().id(), new ReplyCommand("more details", false, List.of()), actor(customer));
        assertThat(mails).extracting(OutgoingMail::to).containsExactlyInAnyOrder(support.email(), admin.email());
        assertThat(mails).allMatch(m -> m.template().equals("ticket_customer_reply"));
        mails.clear();

        service.reply(t.ticket().id(), new ReplyCommand("note", true, List.of()), staff(support));
        assertThat(mails).isEmpty();
        service.reply(t.ticket().id(), new ReplyCommand("fixed", false, List.of()), staff(support));
        assertThat(mails).singleElement().satisfies(m -> {
            assertThat(m.to()).isEqualTo(customer.email());
            assertThat(m.language()).isEqualTo("zh");
            assertThat(m.params()).containsEntry("body", "fixed").containsEntry("status", "answered");
        });
        mails.clear();

        service.assign(t.ticket().id(), admin.id().value(), staff(support));
        service.reply(t.ticket().id(), new ReplyCommand("thanks", false, List.of()), actor(customer));
        assertThat(mails).extracting(OutgoingMail::to).containsExactly(admin.email());
        assertThat(audit).extracting(AuditEvent::action)
                .containsExactly("ticket.create", "ticket.reply", "ticket.note", "ticket.reply", "ticket.assign", "ticket.reply");
    }

    @Test
    void a_bad_attachment_among_good_ones_writes_nothing() {
        TicketDetails t = open(List.of());
        mails.clear();
        List<Upload> files = List.of(new Upload("ok.txt", "fine".getBytes(StandardCharsets.UTF_8)),
                new Upload("x.exe", new byte[] {'M', 'Z', 0, 0, 1}));
        assertThatThrownBy(() -> service.reply(t.ticket().id(), new ReplyCommand("see", false, files), actor(customer)))
                .isInstanceOfSatisfying(ValidationException.class, e ->
                        assertThat(e.fieldErrors()).extracting(FieldError::field).containsExactly("attachments[1]"));
        assertThat(store.messages).hasSize(1);
        assertThat(store.attachments).isEmpty();
        assertThat(store.tickets.get(t.ticket().id()).status()).isEqualTo(TicketStatus.OPEN);
        assertThat(mails).isEmpty();
    }

    @Test
    void the_related_vm_must_be_the_customers_own_and_live_and_assignees_must_be_active_staff() {
        UUID own = vm(customer, "running");
        UUID foreign = vm(support, "running");
        UUID gone = vm(customer, "deleted");
        assertThat(service.open(new OpenTicketCommand("VM slow", "it is slow", null, "technical", own), List.of(),
                actor(customer)).ticket().vmId()).isEqualTo(own);
        for (UUID bad : List.of(foreign, gone, UUID.randomUUID())) {
            assertThatThrownBy(() -> service.open(new OpenTicketCommand("VM slow", "it is slow", null, null, bad), List.of(),
                    actor(customer)))
                    .isInstanceOfSatisfying(ValidationException.class, e ->
                            assertThat(e.fieldErrors()).extracting(FieldError::field).containsExactly("vm_id"));
        }
        UUID id = open(List.of()).ticket().id();
        for (User notStaff : List.of(customer, disabledSupport)) {
            assertThatThrownBy(() -> service.assign(id, notStaff.id().value(), staff(admin)))
                    .isInstanceOf(ValidationException.class);
        }
        assertThat(service.assign(id, null, staff(admin)).ticket().assigneeId()).isNull();
    }

    private TicketDetails open(List<Upload> files) {
        return service.open(new OpenTicketCommand("Help please", "first", null, null, null), files, actor(customer));
    }

    private TicketActor actor(User u) {
        return new TicketActor(u.id().value(), false);
    }

    private TicketActor staff(User u) {
        return new TicketActor(u.id().value(), true);
    }

    private UUID vm(User owner, String status) {
        UUID id = UUID.randomUUID();
        vms.put(id, new VmView(id, 100, "pve1", UUID.randomUUID(), "h", "qemu", status, null, 1, 512, 10, null, null,
                List.of(), owner.id().value(), Instant.EPOCH, Instant.EPOCH, 0));
        return id;
    }

    private User user(Role role, UserStatus status, Language language) {
        UUID id = UUID.randomUUID();
        String name = role.code() + id.toString().substring(0, 6);
        User u = User.reconstitute(new UserId(id), name, name + "@example.test", null, "hash", role, status, language, null,
                true, null, false, 0, 0, null, null, Instant.EPOCH, Instant.EPOCH, 0);
        users.put(id, u);
        return u;
    }

    private Object users(String method, Object[] args) {
        return switch (method) {
            case "findById" -> Optional.ofNullable(users.get(((UserId) args[0]).value()));
            case "search" -> {
                UserSearch s = (UserSearch) args[0];
                List<User> found = users.values().stream()
                        .filter(u -> u.role() == s.role() && u.status() == s.status()).toList();
                yield new Page<>(found, (PageRequest) args[1], found.size());
            }
            default -> throw new UnsupportedOperationException(method);
        };
    }

    interface Call {
        Object apply(String method, Object[] args);
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, Call call) {
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
                (p, m, a) -> call.apply(m.getName(), a));
    }

    /** Keeps what the service writes, to check that nothing is half-saved. */
    static final class Store implements TicketRepository {
        final Map<UUID, Ticket> tickets = new HashMap<>();
        final List<TicketMessage> messages = new ArrayList<>();
        final List<StoredAttachment> attachments = new ArrayList<>();

        @Override
        public Optional<Ticket> find(UUID id) {
            return Optional.ofNullable(tickets.get(id));
        }

        @Override
        public void insert(Ticket ticket) {
            tickets.put(ticket.id(), ticket);
        }

        @Override
        public void update(Ticket ticket) {
            tickets.put(ticket.id(), ticket);
        }

        @Override
        public void addMessage(TicketMessage message) {
            messages.add(message);
        }

        @Override
        public void addAttachment(StoredAttachment attachment, byte[] bytes) {
            attachments.add(attachment);
        }

        @Override
        public List<TicketMessage> messages(UUID ticketId, boolean includeInternal) {
            return messages.stream().filter(m -> m.ticketId().equals(ticketId) && (includeInternal || !m.internal())).toList();
        }

        @Override
        public List<StoredAttachment> attachments(UUID ticketId) {
            return attachments.stream().filter(a -> a.ticketId().equals(ticketId)).toList();
        }

        @Override
        public Optional<AttachmentContent> attachment(UUID ticketId, UUID attachmentId) {
            return Optional.empty();
        }

        @Override
        public boolean isInternalMessage(UUID messageId) {
            return messages.stream().anyMatch(m -> m.id().equals(messageId) && m.internal());
        }

        @Override
        public Page<Ticket> search(TicketFilter filter, PageRequest page) {
            return new Page<>(List.copyOf(tickets.values()), page, tickets.size());
        }
    }
}
