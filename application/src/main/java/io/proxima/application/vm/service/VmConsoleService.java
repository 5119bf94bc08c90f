package io.proxima.application.vm.service;

import io.proxima.application.hypervisor.port.out.ConsoleTicket;
import io.proxima.application.hypervisor.port.out.ConsoleTransport;
import io.proxima.application.hypervisor.port.out.GuestRef;
import io.proxima.application.hypervisor.port.out.Hypervisor;
import io.proxima.application.hypervisor.port.out.PveNodeConnection;
import io.proxima.application.user.port.in.SessionValidityUseCase.SessionRef;
import io.proxima.application.vm.VmStreamSettings;
import io.proxima.application.vm.port.in.VmActionsUseCase.Actor;
import io.proxima.application.vm.port.in.VmConsoleUseCase;
import io.proxima.application.vm.port.out.ConsoleTokenRepository;
import io.proxima.application.vm.port.out.NodeDirectory;
import io.proxima.application.vm.port.out.VmRepository;
import io.proxima.domain.shared.ConflictException;
import io.proxima.domain.shared.NotFoundException;
import io.proxima.domain.shared.StateConflictException;
import io.proxima.domain.vm.Placement;
import io.proxima.domain.vm.Vm;
import io.proxima.domain.vm.VmId;
import io.proxima.domain.vm.VmStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Console tokens are 32 random bytes; only their SHA-256 is stored, consumed by one conditional
 * UPDATE at the WebSocket upgrade (single use, any instance). The per-user session limit is
 * counted by the instance holding the sessions.
 */
@ApplicationScoped
public class VmConsoleService implements VmConsoleUseCase {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final VmRepository vms;
    private final ConsoleTokenRepository tokens;
    private final NodeDirectory nodes;
    private final Hypervisor hypervisor;
    private final ConsoleTransport transport;
    private final VmStreamSettings settings;
    private final VmAudit audit;
    private final Clock clock;
    private final Map<UUID, Integer> open = new ConcurrentHashMap<>();

    @Inject
    public VmConsoleService(VmRepository vms, ConsoleTokenRepository tokens, NodeDirectory nodes, Hypervisor hypervisor,
                            ConsoleTransport transport, VmStreamSettings settings, VmAudit audit, Clock clock) {
        this.vms = vms;
        this.tokens = tokens;
        this.nodes = nodes;
        this.hypervisor = hypervisor;
        this.transport = transport;
        this.settings = settings;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    @Transactional
    public ConsoleLink issue(VmId id, Actor actor, SessionRef session) {
        Vm vm = VmAccess.load(vms, id, actor);
        requireConsole(vm);
        ConsoleLink link = ticket(ConsoleTokenRepository.Purpose.CONSOLE, vm, actor, session);
        audit.success(VmAudit.event("vm.console", vm).detail("expires_at", link.expiresAt().toString()));
        return link;
    }

    @Override
    @Transactional
    public ConsoleLink issueMetricsTicket(VmId id, Actor actor, SessionRef session) {
        Vm vm = VmAccess.load(vms, id, actor);
        return ticket(ConsoleTokenRepository.Purpose.METRICS, vm, actor, session);
    }

    @Override
    @Transactional
    public StreamGrant redeemMetricsTicket(VmId id, String ticket) {
        if (ticket == null || ticket.isBlank() || ticket.length() > 128) {
            throw new NotFoundException("Stream ticket", "");
        }
        ConsoleTokenRepository.Holder holder = tokens.consume(hash(ticket), ConsoleTokenRepository.Purpose.METRICS,
                id.value(), clock.instant()).filter(h -> h.session() != null)
                .orElseThrow(() -> new NotFoundException("Stream ticket", ""));
        Actor actor = new Actor(holder.userId(), holder.admin());
        VmAccess.load(vms, id, actor);
        return new StreamGrant(actor, holder.session());
    }

    /** One-time, random, stored as its hash only, bound to the session that asked for it. */
    private ConsoleLink ticket(ConsoleTokenRepository.Purpose purpose, Vm vm, Actor actor, SessionRef session) {
        byte[] raw = new byte[32];
        RANDOM.nextBytes(raw);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        Instant now = clock.instant();
        Instant expires = now.plus(settings.consoleTokenTtl());
        tokens.deleteExpired(now.minusSeconds(3600));
        tokens.insert(hash(token), purpose, vm.id().value(), actor.userId(), actor.admin(), session, expires, now);
        return new ConsoleLink(token, expires);
    }

    @Override
    public Session open(VmId id, String token) {
        Target target = consume(id, token);
        UUID user = target.userId;
        SessionRef sessionRef = target.session;
        if (open.merge(user, 1, Integer::sum) > settings.consoleMaxPerUser()) {
            release(user);
            throw new ConflictException("error.console.limit",
                    "At most " + settings.consoleMaxPerUser() + " console sessions may be open at once",
                    settings.consoleMaxPerUser());
        }
        ConsoleTicket ticket;
        try {
            // Never open a console on a guest that does not carry this VM's id (PVE reuses vmids).
            Guests.requireOwned(hypervisor, target.connection, target.guest, id.value());
            ticket = hypervisor.vncProxy(target.connection, target.guest);
        } catch (RuntimeException e) {
            release(user);
            throw e;
        }
        AtomicBoolean closed = new AtomicBoolean();
        return new Session() {
            @Override
            public UUID userId() {
                return user;
            }

            @Override
            public SessionRef session() {
                return sessionRef;
            }

            @Override
            public CompletionStage<ConsoleTransport.Channel> connect(ConsoleTransport.Sink sink) {
                return transport.open(target.connection, ticket, sink);
            }

            @Override
            public void close() {
                if (closed.compareAndSet(false, true)) {
                    release(user);
                }
            }
        };
    }

    /** Sessions the user holds on this instance (tests, metrics). */
    public int openSessions(UUID userId) {
        return open.getOrDefault(userId, 0);
    }

    private void release(UUID user) {
        open.computeIfPresent(user, (k, n) -> n <= 1 ? null : n - 1);
    }

    private record Target(UUID userId, SessionRef session, PveNodeConnection connection, GuestRef guest) {
    }

    @Transactional
    Target consume(VmId id, String token) {
        if (token == null || token.isBlank() || token.length() > 128) {
            throw new NotFoundException("Console token", "");
        }
        ConsoleTokenRepository.Holder holder = tokens.consume(hash(token), ConsoleTokenRepository.Purpose.CONSOLE,
                id.value(), clock.instant()).filter(h -> h.session() != null)
                .orElseThrow(() -> new NotFoundException("Console token", ""));
        Vm vm = VmAccess.load(vms, id, new Actor(holder.userId(), holder.admin()));
        Placement p = requireConsole(vm);
        var target = nodes.target(p.nodeId());
        GuestRef guest = MigrateSaga.guest(vm, p.pveNode(), p.vmid());
        return new Target(holder.userId(), holder.session(), target.connection(), guest);
    }

    private static Placement requireConsole(Vm vm) {
        Placement p = vm.placement().filter(pl -> pl.vmid() != null).orElse(null);
        if (p == null || vm.status() != VmStatus.RUNNING) {
            throw new StateConflictException("error.vm.not_running", "The console needs a running VM", vm.status().wireName());
        }
        return p;
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
