package io.proxima.application.billing.service;

import io.proxima.application.billing.port.in.BillingViews;
import io.proxima.application.billing.port.out.BillingClock;
import io.proxima.application.billing.port.out.BillingConfig;
import io.proxima.application.billing.port.out.BillingNotifier;
import io.proxima.application.billing.port.out.BillingQueries;
import io.proxima.application.billing.port.out.EnforcementRepository;
import io.proxima.application.billing.port.out.IdempotencyStore;
import io.proxima.application.billing.port.out.InvalidWebhookException;
import io.proxima.application.billing.port.out.InvoiceRepository;
import io.proxima.application.billing.port.out.JobLock;
import io.proxima.application.billing.port.out.LedgerRepository;
import io.proxima.application.billing.port.out.MeteringRepository;
import io.proxima.application.billing.port.out.PaymentGateway;
import io.proxima.application.billing.port.out.PaymentGatewayException;
import io.proxima.application.billing.port.out.RechargeOrderRepository;
import io.proxima.application.billing.port.out.RefundRepository;
import io.proxima.application.billing.port.out.ServiceControl;
import io.proxima.application.billing.port.out.WebhookEventStore;
import io.proxima.application.shared.Page;
import io.proxima.application.shared.PageRequest;
import io.proxima.application.system.port.in.SystemSettingsUseCase;
import io.proxima.domain.billing.CustomerAccount;
import io.proxima.domain.billing.LedgerEntry;
import io.proxima.domain.billing.MeteredResource;
import io.proxima.domain.billing.Money;
import io.proxima.domain.billing.RechargeOrder;
import io.proxima.domain.billing.Refund;
import io.proxima.domain.billing.TransactionType;
import io.proxima.domain.system.Setting;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** In-memory out-ports: the whole billing application wired without a database or a gateway. */
final class Fakes {

    final Clock clock = new Clock();
    final Ledger ledger = new Ledger();
    final Metering metering = new Metering();
    final Orders orders = new Orders();
    final Keys keys = new Keys();
    final Events events = new Events();
    final Enforcement enforcement = new Enforcement();
    final Refunds refunds = new Refunds();
    final Settings settings = new Settings();
    final Gateway gateway = new Gateway("fakepay");
    final Control control = new Control();

    final BillingConfig config = new BillingConfig() {
        public String rechargeMin() { return "1.00"; }
        public String rechargeMax() { return "500.00"; }
        public Duration orderLifetime() { return Duration.ofHours(1); }
        public Duration janitorAfter() { return Duration.ofMinutes(15); }
        public int lowBalanceHours() { return 0; }
    };

    final BillingSupport support = new BillingSupport(ledger, settings, config, List.of(gateway));
    final Postings postings = new Postings(ledger, enforcement);
    final MeteringService meteringService = new MeteringService(metering, ledger, postings, support);
    final RechargeSteps rechargeSteps = new RechargeSteps(orders, ledger, keys, events, postings);
    final JobSteps jobSteps = new JobSteps(new Lock(), metering, enforcement, (f, t, n) -> 0);
    final ControlDispatcher dispatcher = new ControlDispatcher(jobSteps, control, new Notices(), clock);
    final RechargeService rechargeService = new RechargeService(rechargeSteps, support, clock, dispatcher);
    final RefundSteps refundSteps = new RefundSteps(orders, refunds, ledger, keys, postings);
    final RefundService refundService = new RefundService(refundSteps, rechargeSteps, support, clock, dispatcher);

    static final class Clock implements BillingClock {
        Instant now = Instant.parse("2030-01-01T00:00:00Z");
        public Instant now() { return now; }
    }

    static final class Ledger implements LedgerRepository {
        final Map<UUID, CustomerAccount> accounts = new HashMap<>();
        final Map<String, UUID> system = new HashMap<>();
        final List<LedgerEntry> entries = new ArrayList<>();

        public Optional<CustomerAccount> findAccount(UUID owner) {
            return Optional.ofNullable(accounts.get(owner)).map(Ledger::copy);
        }

        public CustomerAccount lockAccount(UUID owner, Currency c) {
            accounts.computeIfAbsent(owner, o -> CustomerAccount.open(UUID.randomUUID(), o, c));
            return copy(accounts.get(owner));
        }

        public UUID systemAccount(String code, Currency c) {
            return system.computeIfAbsent(code + c, k -> UUID.randomUUID());
        }

        public void save(CustomerAccount a, List<LedgerEntry> e, Instant at) {
            accounts.put(a.ownerId(), copy(a));
            entries.addAll(e);
        }

        static CustomerAccount copy(CustomerAccount a) {
            return CustomerAccount.reconstitute(a.id(), a.ownerId(), a.currency(), a.balance(), a.suspendedAt(),
                    a.terminatedAt(), a.version());
        }

        long balance(UUID owner) {
            return accounts.get(owner).balance().minor();
        }

        long sumOfEntries(UUID owner) {
            UUID id = accounts.get(owner).id();
            return entries.stream().filter(e -> e.accountId().equals(id)).mapToLong(e -> e.amount().minor()).sum();
        }

        List<LedgerEntry> of(TransactionType type) {
            return entries.stream().filter(e -> e.type() == type).toList();
        }
    }

    final class Metering implements MeteringRepository {
        final Map<UUID, MeteredResource> byVm = new HashMap<>();

        public Optional<MeteredResource> lockByVm(UUID vm) { return Optional.ofNullable(byVm.get(vm)); }
        public void insert(MeteredResource r) { byVm.put(r.vmId(), r); }
        public void update(MeteredResource r) { byVm.put(r.vmId(), r); }

        /** The domain's rules applied one hour per resource, like the SQL statement. */
        public int chargeNextDueHour(Instant now) {
            int n = 0;
            for (MeteredResource r : byVm.values()) {
                if (r.status() == io.proxima.domain.billing.MeteringStatus.ACTIVE && !r.paidThrough().isAfter(now)) {
                    CustomerAccount a = ledger.lockAccount(r.ownerId(), r.pricing().currency());
                    var hour = r.chargeStartedBefore(r.paidThrough().plusNanos(1));
                    ledger.save(a, postings.hourCharges(a, hour, now), now);
                    n += hour.size();
                }
            }
            return n;
        }
    }

    static final class Orders implements RechargeOrderRepository {
        final Map<UUID, RechargeOrder> byId = new HashMap<>();

        public void insert(RechargeOrder o) { byId.put(o.id(), o); }
        public void update(RechargeOrder o) { byId.put(o.id(), o); }
        public Optional<RechargeOrder> find(UUID id) { return Optional.ofNullable(byId.get(id)); }
        public Optional<RechargeOrder> lock(UUID id) { return find(id); }
        public Optional<RechargeOrder> lockByExternalId(String g, String ext) {
            return byId.values().stream().filter(o -> g.equals(o.gateway()) && ext.equals(o.externalId())).findFirst();
        }
        public List<UUID> pendingExpired(Instant now, int limit) {
            return byId.values().stream().filter(o -> o.isExpiredAt(now)).map(RechargeOrder::id).toList();
        }
        public List<UUID> pendingCreatedBefore(Instant cutoff, int limit) { return List.of(); }
    }

    static final class Keys implements IdempotencyStore {
        final Map<String, Claim> claims = new HashMap<>();

        public Optional<Claim> claim(String scope, UUID caller, String key, String hash, String ref, Instant now, Duration w) {
            String k = scope + caller + key;
            Claim earlier = claims.get(k);
            if (earlier != null) {
                return Optional.of(earlier);
            }
            claims.put(k, new Claim(hash, ref));
            return Optional.empty();
        }

        public int purgeCreatedBefore(Instant cutoff) { return 0; }
    }

    static final class Events implements WebhookEventStore {
        final Set<String> seen = new HashSet<>();

        public boolean record(String gateway, String id, String type, Instant at) { return seen.add(gateway + id); }

        public int purgeReceivedBefore(Instant cutoff) { return 0; }
    }

    static final class Enforcement implements EnforcementRepository {
        final List<ControlRequest> queue = new ArrayList<>();
        final List<UUID> unsuspended = new ArrayList<>();
        long ids;

        public List<UUID> suspendOverdrawn(Instant now) { return List.of(); }
        public List<UUID> terminateOverdue(Instant before, Instant now) { return List.of(); }
        public List<UUID> flagLowBalance(int hours, Instant now) { return List.of(); }
        public int unsuspend(UUID owner, Instant now) {
            unsuspended.add(owner);
            enqueue(owner, "unsuspend", "back", now);
            return 1;
        }
        public void enqueue(UUID owner, String action, String reason, Instant now) {
            queue.add(new ControlRequest(++ids, owner, action, reason, null, null, 0));
        }
        public List<ControlRequest> claim(int limit, Instant now) {
            List<ControlRequest> out = new ArrayList<>(queue);
            queue.clear();
            return out;
        }
        public void delivered(long id, Instant at) { }
        public void failed(long id, String error, Instant at) { }
    }

    final class Refunds implements RefundRepository {
        final Map<UUID, Refund> byId = new HashMap<>();

        public void insert(Refund r) { byId.put(r.id(), r); }
        public void update(Refund r) { byId.put(r.id(), r); }
        public Optional<Refund> find(UUID id) { return Optional.ofNullable(byId.get(id)); }
        public Money refundableCharges(UUID owner, UUID vm, Currency c) {
            return Money.zero(c);
        }
    }

    static final class Settings implements SystemSettingsUseCase {
        final Map<Setting, String> values = new EnumMap<>(Setting.class);

        public boolean flag(Setting s) { return Boolean.parseBoolean(text(s)); }
        public int number(Setting s) { return Integer.parseInt(text(s)); }
        public String text(Setting s) { return values.getOrDefault(s, s.defaultValue()); }
        public Map<Setting, String> all() { return values; }
        public Map<Setting, String> update(Map<String, String> changes, UUID admin) { return values; }
    }

    static final class Gateway implements PaymentGateway {
        final String name;
        boolean down;
        boolean refuseRefunds;
        int checkouts;
        Event nextEvent;

        Gateway(String name) { this.name = name; }

        public String name() { return name; }
        public boolean enabled() { return true; }
        public Checkout createCheckout(CheckoutRequest r) {
            if (down) {
                throw new PaymentGatewayException(name, "down");
            }
            checkouts++;
            return new Checkout("sess_" + r.orderId(), "https://pay.example/" + r.orderId());
        }
        public PaymentStatus retrieve(String ext) { return new PaymentStatus(ext, PaymentState.OPEN, null, null); }
        public Event verifyWebhook(Map<String, String> headers, byte[] body, Instant now) {
            if (!"good".equals(headers.get("sig"))) {
                throw new InvalidWebhookException("bad signature");
            }
            return nextEvent;
        }
        public String refund(String ref, Money amount, String key) {
            if (refuseRefunds) {
                throw new PaymentGatewayException(name, "refused");
            }
            return "re_" + key;
        }
    }

    static final class Control implements ServiceControl {
        final List<String> calls = new ArrayList<>();

        public void suspendAllOf(UUID u, String r) { calls.add("suspend " + u); }
        public void unsuspendAllOf(UUID u) { calls.add("unsuspend " + u); }
        public void terminateAllOf(UUID u) { calls.add("terminate " + u); }
    }

    static final class Notices implements BillingNotifier {
        public void suspended(UUID u, String b, String c) { }
        public void unsuspended(UUID u) { }
        public void terminated(UUID u) { }
        public void lowBalance(UUID u, String b, String c) { }
    }

    static final class Lock implements JobLock {
        public boolean tryLockForTransaction() { return true; }
    }

    static BillingQueries noQueries() {
        return new BillingQueries() {
            public Page<BillingViews.TransactionView> transactions(BillingViews.TransactionFilter f, PageRequest p) { return new Page<>(List.of(), p, 0); }
            public Optional<BillingViews.TransactionView> transaction(UUID o, UUID id) { return Optional.empty(); }
            public long burnRatePerHour(UUID o) { return 0; }
            public Page<BillingViews.InvoiceSummary> invoices(UUID o, PageRequest p) { return new Page<>(List.of(), p, 0); }
            public Optional<BillingViews.InvoiceDetail> invoice(UUID id) { return Optional.empty(); }
            public Page<BillingViews.RechargeView> orders(UUID o, PageRequest p) { return new Page<>(List.of(), p, 0); }
            public BillingViews.LedgerCheck checkLedger() { return null; }
        };
    }

    static InvoiceRepository noInvoices() {
        return (f, t, n) -> 0;
    }
}
