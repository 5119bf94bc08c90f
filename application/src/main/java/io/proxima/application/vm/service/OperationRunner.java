package io.proxima.application.vm.service;

import io.proxima.application.hypervisor.PveLockTimeoutException;
import io.proxima.application.hypervisor.PveLockedException;
import io.proxima.application.hypervisor.PveTaskFailedException;
import io.proxima.application.hypervisor.PveTimeoutException;
import io.proxima.application.hypervisor.PveUnreachableException;
import io.proxima.domain.shared.StaleVersionException;
import io.proxima.domain.vm.Operation;
import io.proxima.domain.vm.OperationStatus;
import io.proxima.domain.vm.OperationStep;
import io.proxima.domain.vm.OperationType;
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
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Advances durable operations. Any number of runners (threads, instances) may call
 * {@link #runDue()}: each operation is leased to one of them at a time, progress is saved after
 * every step, and an operation whose runner died is picked up by another when its lease expires.
 * PVE is only ever called outside database transactions.
 */
@ApplicationScoped
public class OperationRunner {

    private static final Logger LOG = Logger.getLogger(OperationRunner.class.getName());
    static final int MAX_ATTEMPTS = 6;
    static final int MAX_RESTARTS = 5;
    private static final Duration LEASE = Duration.ofMinutes(15);

    private final OperationTransactions transactions;
    private final Clock clock;
    private final Map<OperationType, Saga> sagas = new EnumMap<>(OperationType.class);
    private final String worker = "runner-" + UUID.randomUUID().toString().substring(0, 8);
    private final VmAudit audit;

    @Inject
    public OperationRunner(OperationTransactions transactions, Clock clock, @Any Instance<Saga> sagas, VmAudit audit) {
        this(transactions, clock, (Iterable<Saga>) sagas, audit);
    }

    OperationRunner(OperationTransactions transactions, Clock clock, Iterable<Saga> sagas) {
        this(transactions, clock, sagas, null);
    }

    OperationRunner(OperationTransactions transactions, Clock clock, Iterable<Saga> sagas, VmAudit audit) {
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
        for (Saga s : sagas) {
            this.sagas.put(s.type(), s);
        }
    }

    /** Claims what is due and runs it; returns how many operations were worked on. */
    public int runDue() {
        List<UUID> ids = transactions.claimDue(worker, now(), leaseUntil(), 8);
        for (UUID id : ids) {
            run(id);
        }
        return ids.size();
    }

    /** Runs one operation that this runner holds the lease of, as far as it can go now. */
    void run(UUID id) {
        Operation op = transactions.operation(id);
        Saga saga = sagas.get(op.type());
        if (saga == null) {
            LOG.severe("no saga for operation type " + op.type());
            transactions.release(id, worker);
            return;
        }
        SagaRun run = new SagaRun(this, worker, op);
        try {
            advance(op, saga, run);
        } catch (LeaseLost lost) {
            LOG.warning("lost the lease of operation " + id + "; another runner continues it");
            return;
        }
        transactions.release(id, worker);
        if (audit != null && op.status().finished()) {
            try {
                audit.operationFinished(op, transactions.vm(op.vmId()));
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "could not audit the end of operation " + id, e);
            }
        }
    }

    private void advance(Operation op, Saga saga, SagaRun run) {
        while (op.currentStep().isPresent()) {
            if (op.nextRunAt() != null && op.nextRunAt().isAfter(now())) {
                return; // a retry is scheduled for later
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
                String reason = describe(e);
                int attempts = op.currentStep().map(OperationStep::attempts).orElse(MAX_ATTEMPTS);
                if (isTransient(e) && attempts < MAX_ATTEMPTS) {
                    LOG.info("operation " + op.id() + " step " + step.name() + " will retry: " + reason);
                    op.retryLater(reason, backoff(attempts), now());
                } else {
                    LOG.log(Level.WARNING, "operation " + op.id() + " step " + step.name() + " failed: " + reason,
                            e instanceof io.proxima.domain.shared.DomainException || e instanceof Saga.PermanentFailure ? null : e);
                    op.fail(reason, compensationOf(op, saga), now());
                }
            }
            save(op);
            if (op.status() == OperationStatus.FAILED) {
                saga.failed(run, op.error());
            }
        }
    }

    private static List<String> compensationOf(Operation op, Saga saga) {
        return op.compensating() ? List.of() : saga.compensation();
    }

    static boolean isTransient(RuntimeException e) {
        if (e instanceof PveTaskFailedException t) {
            return t.kind() == PveTaskFailedException.Kind.LOCK_TIMEOUT || t.kind() == PveTaskFailedException.Kind.LOCKED;
        }
        return e instanceof PveUnreachableException || e instanceof PveTimeoutException || e instanceof PveLockedException
                || e instanceof PveLockTimeoutException || e instanceof StaleVersionException;
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
        return "internal error (" + e.getClass().getSimpleName() + "); see the server log";
    }

    static Duration backoff(int attempts) {
        long seconds = Math.min(60, 2L << Math.min(attempts, 5));
        return Duration.ofSeconds(seconds);
    }

    private void save(Operation op) {
        if (!transactions.saveIfHeld(op, worker, leaseUntil())) {
            throw new LeaseLost(op.id());
        }
    }

    OperationTransactions transactions() {
        return transactions;
    }

    Instant now() {
        return clock.instant();
    }

    Instant leaseUntil() {
        return now().plus(LEASE);
    }

    /** The runner no longer holds the operation's lease; it must stop touching it. */
    static final class LeaseLost extends RuntimeException {
        LeaseLost(UUID id) {
            super("lease lost on operation " + id, null, false, false);
        }
    }
}
