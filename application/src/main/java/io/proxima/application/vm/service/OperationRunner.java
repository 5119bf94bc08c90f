package io.proxima.application.vm.service;

import io.proxima.application.vm.OperationSettings;
import io.proxima.application.vm.port.out.VmLifecycleListener;
import io.proxima.domain.vm.Operation;
import io.proxima.domain.vm.OperationStatus;
import io.proxima.domain.vm.OperationStep;
import io.proxima.domain.vm.OperationType;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Advances durable operations. Any number of runners (instances) may call {@link #runDue()}:
 * each claims only as many due operations as it has free workers ({@code concurrency}), every
 * claim is a short lease renewed by {@link #renewLeases()} while its step runs, and progress is
 * saved after every step. A step that waits for PVE returns "check again at T" and lets go of the
 * operation, so a long clone never holds a worker; any runner continues it when it is due. An
 * operation whose runner died is taken over once its lease has run out. One operation per VM at a
 * time is a database rule (a unique index on the active operation of a VM), so two runners never
 * work on the same VM. PVE is only ever called outside database transactions.
 */
@ApplicationScoped
public class OperationRunner {

    private static final Logger LOG = Logger.getLogger(OperationRunner.class.getName());
    static final int MAX_ATTEMPTS = OperationSettings.defaults().maxAttempts();
    static final int MAX_RESTARTS = 5;

    private final OperationTransactions transactions;
    private final Clock clock;
    private final Map<OperationType, Saga> sagas = new EnumMap<>(OperationType.class);
    private final String worker = "runner-" + UUID.randomUUID().toString().substring(0, 8);
    private final VmAudit audit;
    private final OperationSettings settings;
    private final Executor executor;
    private final Semaphore slots;
    private final Set<UUID> held = ConcurrentHashMap.newKeySet();
    private final VmLifecycleListener lifecycle;

    @Inject
    public OperationRunner(OperationTransactions transactions, Clock clock, @Any Instance<Saga> sagas, VmAudit audit,
                           OperationSettings settings, VmLifecycleListener lifecycle) {
        this(transactions, clock, (Iterable<Saga>) sagas, audit, settings, workers(settings.concurrency()), lifecycle);
        this.wakeUps = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "proxima-operation-wakeup");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Production only: a timer that calls {@link #runDue} when a waiting step is due again sooner
     * than the next scheduler tick. It holds no worker; it only shortens the pause after a task ends.
     */
    private java.util.concurrent.ScheduledExecutorService wakeUps;

    /** For tests: default settings, steps run on the calling thread. */
    OperationRunner(OperationTransactions transactions, Clock clock, Iterable<Saga> sagas) {
        this(transactions, clock, sagas, null, OperationSettings.defaults(), Runnable::run, null);
    }

    OperationRunner(OperationTransactions transactions, Clock clock, Iterable<Saga> sagas, VmAudit audit,
                    OperationSettings settings, Executor executor, VmLifecycleListener lifecycle) {
        this.lifecycle = lifecycle;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
        this.settings = settings;
        this.executor = executor;
        this.slots = new Semaphore(settings.concurrency());
        for (Saga s : sagas) {
            this.sagas.put(s.type(), s);
        }
    }

    private static ExecutorService workers(int n) {
        AtomicInteger seq = new AtomicInteger();
        return Executors.newFixedThreadPool(n, r -> {
            Thread t = new Thread(r, "proxima-operation-" + seq.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Claims as many due operations as there are free workers and hands each to one; returns how
     * many were claimed. A database failure while claiming claims nothing.
     */
    public int runDue() {
        int free = slots.availablePermits();
        if (free == 0) {
            return 0;
        }
        List<UUID> ids;
        try {
            ids = transactions.claimDue(worker, now(), leaseUntil(), free);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "could not claim operations; trying again next round", e);
            return 0;
        }
        int handed = 0;
        try {
            for (UUID id : ids) {
                if (!slots.tryAcquire()) {
                    break;
                }
                held.add(id);
                handed++;
                try {
                    executor.execute(() -> work(id));
                } catch (RejectedExecutionException shuttingDown) {
                    held.remove(id);
                    slots.release();
                    releaseQuietly(id);
                }
            }
        } finally {
            // Claimed but not started (no slot after all, or the loop failed): give them back at once.
            for (int i = handed; i < ids.size(); i++) {
                releaseQuietly(ids.get(i));
            }
        }
        return ids.size();
    }

    private void work(UUID id) {
        try {
            Operation op = run(id);
            wakeUpFor(op);
        } catch (RuntimeException e) {
            // The loop itself failed (e.g. the database went away between two steps): let go of the
            // claim if we still can, so that any runner continues as soon as the operation is due.
            LOG.log(Level.WARNING, "operation " + id + " interrupted by " + e.getClass().getSimpleName() + "; released", e);
            releaseQuietly(id);
        } finally {
            held.remove(id);
            slots.release();
        }
    }

    /** The heartbeat: extends the leases of the operations this runner is working on right now. */
    public int renewLeases() {
        if (held.isEmpty()) {
            return 0;
        }
        try {
            return transactions.renew(Set.copyOf(held), worker, leaseUntil());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "could not renew operation leases", e);
            return 0;
        }
    }

    /** How many operations this runner works on at this moment. */
    public int busyWorkers() {
        return held.size();
    }

    private void wakeUpFor(Operation op) {
        java.util.concurrent.ScheduledExecutorService timer = wakeUps;
        if (timer == null || op == null || op.status().finished() || op.nextRunAt() == null) {
            return;
        }
        long ms = Duration.between(now(), op.nextRunAt()).toMillis();
        if (ms <= 30_000) {
            try {
                timer.schedule(this::runDue, Math.max(0, ms) + 20, java.util.concurrent.TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException shuttingDown) {
                // the scheduler's next tick picks it up
            }
        }
    }

    /** Runs one operation that this runner holds the lease of, as far as it can go now; returns it as left. */
    Operation run(UUID id) {
        Operation op = transactions.operation(id);
        Saga saga = sagas.get(op.type());
        if (saga == null) {
            LOG.severe("no saga for operation type " + op.type());
            transactions.release(id, worker);
            return null;
        }
        SagaRun run = new SagaRun(this, worker, op);
        try {
            advance(op, saga, run);
        } catch (LeaseLost lost) {
            LOG.warning("lost the lease of operation " + id + "; another runner continues it");
            return null;
        }
        transactions.release(id, worker);
        if (audit != null && op.status().finished()) {
            try {
                audit.operationFinished(op, transactions.vm(op.vmId()));
                if (op.status() == OperationStatus.FAILED && op.get(HUMAN_NEEDED).isPresent()) {
                    audit.cleanupNeedsHuman(op, transactions.vm(op.vmId()));
                }
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "could not audit the end of operation " + id, e);
            }
        }
        return op;
    }

    /** Data flag set when a cleanup step gave up: the operation's error and an audit record ask for a human. */
    static final String HUMAN_NEEDED = "human_needed";

    private void advance(Operation op, Saga saga, SagaRun run) {
        while (op.currentStep().isPresent()) {
            if (op.nextRunAt() != null && op.nextRunAt().isAfter(now())) {
                return; // a retry or a look at a task is scheduled for later
            }
            OperationStep step = op.currentStep().get();
            op.beginStep(now());
            save(op);
            try {
                Saga.StepOutcome outcome = saga.run(step.name(), run);
                if (outcome == Saga.StepOutcome.SKIPPED) {
                    op.stepSkipped(now());
                } else {
                    op.stepDone(now());
                }
            } catch (LeaseLost lost) {
                throw lost;
            } catch (Saga.CheckAgain wait) {
                // Waiting for PVE: save when to look again and let go; any runner continues then.
                op.waitUntil(wait.at, now());
                save(op);
                return;
            } catch (Saga.RestartFrom restart) {
                int restarts = Integer.parseInt(op.get("restarts").orElse("0")) + 1;
                op.put("restarts", Integer.toString(restarts));
                if (restarts > MAX_RESTARTS) {
                    op.fail("gave up after " + MAX_RESTARTS + " restarts: " + restart.getMessage(), compensationOf(op, saga), now());
                } else {
                    LOG.info("operation " + op.id() + " restarts from " + restart.step + ": " + restart.getMessage());
                    op.restartFrom(restart.step, now());
                }
            } catch (RuntimeException e) {
                failedStep(op, saga, step, e);
            }
            save(op);
            if (op.status() == OperationStatus.FAILED) {
                saga.failed(run, op.error());
            }
        }
    }

    /**
     * A forward step is retried on transient faults within {@code max-attempts}; a cleanup step is
     * retried on any failure within {@code compensation-attempts}, because what it leaves behind
     * is a half-made guest; when it gives up, the operation says a human is needed.
     */
    private void failedStep(Operation op, Saga saga, OperationStep step, RuntimeException e) {
        String reason = describe(e);
        int attempts = op.currentStep().map(OperationStep::attempts).orElse(Integer.MAX_VALUE);
        boolean cleanup = op.compensating();
        int budget = cleanup ? settings.compensationAttempts() : settings.maxAttempts();
        boolean retry = (cleanup || Faults.isTransient(e)) && attempts < budget;
        boolean quiet = e instanceof io.proxima.domain.shared.DomainException || e instanceof Saga.PermanentFailure;
        if (retry) {
            LOG.info("operation " + op.id() + " step " + step.name() + " will retry (attempt " + attempts + " of " + budget
                    + "): " + reason);
            op.retryLater("attempt " + attempts + " of " + budget + ": " + reason, backoff(attempts), now());
        } else if (cleanup) {
            LOG.log(Level.SEVERE, "operation " + op.id() + " cleanup step " + step.name() + " gave up: " + reason, quiet ? null : e);
            op.put(HUMAN_NEEDED, step.name());
            op.fail("cleanup step " + step.name() + " gave up after " + attempts + " attempts (" + reason
                    + "); a human must finish it", List.of(), now());
        } else {
            LOG.log(Level.WARNING, "operation " + op.id() + " step " + step.name() + " failed: " + reason, quiet ? null : e);
            op.fail(reason, compensationOf(op, saga), now());
        }
    }

    private static List<String> compensationOf(Operation op, Saga saga) {
        return op.compensating() ? List.of() : saga.compensation();
    }

    static boolean isTransient(RuntimeException e) {
        return Faults.isTransient(e);
    }

    /**
     * The error recorded on the operation and shown to clients: domain and PVE failures speak for
     * themselves; anything else (SQL, bugs) is logged in full and shown only as an internal error.
     */
    private static String describe(RuntimeException e) {
        if (e instanceof io.proxima.domain.shared.DomainException || e instanceof Saga.PermanentFailure) {
            String m = e.getMessage();
            return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
        }
        if (Faults.isDatabaseFault(e)) {
            return "database unavailable (" + e.getClass().getSimpleName() + ")";
        }
        return "internal error (" + e.getClass().getSimpleName() + "); see the server log";
    }

    static Duration backoff(int attempts) {
        long seconds = Math.min(60, 2L << Math.min(attempts, 5));
        return Duration.ofSeconds(seconds);
    }

    /** Pause before the next look at a running task: quick at first, then at most {@code task-poll-max}. */
    Duration pollDelay(Duration waited) {
        long ms = Math.max(settings.taskPollMin().toMillis(), waited.toMillis() / 5);
        return Duration.ofMillis(Math.min(ms, settings.taskPollMax().toMillis()));
    }

    private void save(Operation op) {
        if (!transactions.saveIfHeld(op, worker, leaseUntil())) {
            throw new LeaseLost(op.id());
        }
    }

    private void releaseQuietly(UUID id) {
        try {
            transactions.release(id, worker);
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "could not release operation " + id + "; its lease runs out by itself", e);
        }
    }

    @PreDestroy
    void shutdown() {
        if (wakeUps != null) {
            wakeUps.shutdownNow();
        }
        if (executor instanceof ExecutorService pool) {
            pool.shutdownNow();
        }
        held.forEach(this::releaseQuietly);
    }

    /** Called after a step moved its VM into {@code error}: the VM does not run for its customer, so charging pauses. */
    void enteredError(io.proxima.domain.vm.Vm vm) {
        if (lifecycle != null) {
            try {
                lifecycle.outOfService(vm, "error: " + vm.statusReason());
            } catch (RuntimeException e) {
                LOG.log(Level.SEVERE, "VM " + vm.id() + " entered error but its meter could not be paused", e);
            }
        }
    }

    OperationTransactions transactions() {
        return transactions;
    }

    OperationSettings settings() {
        return settings;
    }

    Instant now() {
        return clock.instant();
    }

    Instant leaseUntil() {
        return now().plus(settings.lease());
    }

    /** The runner no longer holds the operation's lease; it must stop touching it. */
    static final class LeaseLost extends RuntimeException {
        LeaseLost(UUID id) {
            super("lease lost on operation " + id, null, false, false);
        }
    }
}
