package io.proxima.domain.vm;

import io.proxima.domain.shared.StateConflictException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Durable asynchronous work on a VM (a saga). The plan is a list of named steps; progress, the
 * PVE task being waited on, attempts and errors are recorded after every step, so a worker that
 * picks the operation up after a crash continues where the last one stopped. When a step fails
 * for good the operation switches to its compensation steps, which undo what was done.
 */
public final class Operation {

    private final UUID id;
    private final VmId vmId;
    private final UUID requestedBy;
    private final OperationType type;
    private final Instant createdAt;
    private final List<OperationStep> steps;
    private final Map<String, String> data;
    private OperationStatus status;
    private int current;
    private boolean compensating;
    private String error;
    private Instant nextRunAt;
    private Instant updatedAt;
    private Instant finishedAt;
    private final long version;

    private Operation(UUID id, VmId vmId, UUID requestedBy, OperationType type, List<OperationStep> steps,
                      Map<String, String> data, OperationStatus status, int current, boolean compensating,
                      String error, Instant nextRunAt, Instant createdAt, Instant updatedAt, Instant finishedAt,
                      long version) {
        this.id = Objects.requireNonNull(id);
        this.vmId = Objects.requireNonNull(vmId);
        this.requestedBy = requestedBy;
        this.type = Objects.requireNonNull(type);
        this.steps = new ArrayList<>(steps);
        this.data = new HashMap<>(data);
        this.status = Objects.requireNonNull(status);
        this.current = current;
        this.compensating = compensating;
        this.error = error;
        this.nextRunAt = nextRunAt;
        this.createdAt = Objects.requireNonNull(createdAt);
        this.updatedAt = Objects.requireNonNull(updatedAt);
        this.finishedAt = finishedAt;
        this.version = version;
    }

    public static Operation start(VmId vmId, UUID requestedBy, OperationType type, List<String> stepNames,
                                  Map<String, String> data, Instant now) {
        if (stepNames.isEmpty()) {
            throw new IllegalArgumentException("an operation has at least one step");
        }
        List<OperationStep> steps = stepNames.stream().map(OperationStep::pending).toList();
        return new Operation(UUID.randomUUID(), vmId, requestedBy, type, steps, data, OperationStatus.PENDING, 0,
                false, null, now, now, now, null, 0);
    }

    public static Operation reconstitute(UUID id, VmId vmId, UUID requestedBy, OperationType type,
                                         List<OperationStep> steps, Map<String, String> data, OperationStatus status,
                                         int current, boolean compensating, String error, Instant nextRunAt,
                                         Instant createdAt, Instant updatedAt, Instant finishedAt, long version) {
        return new Operation(id, vmId, requestedBy, type, steps, data, status, current, compensating, error,
                nextRunAt, createdAt, updatedAt, finishedAt, version);
    }

    /** The step to run now, or empty when the operation has finished. */
    public Optional<OperationStep> currentStep() {
        return status.finished() || current >= steps.size() ? Optional.empty() : Optional.of(steps.get(current));
    }

    public void beginStep(Instant at) {
        requireActive();
        status = OperationStatus.RUNNING;
        steps.set(current, steps.get(current).running(at));
        updatedAt = at;
    }

    /** Records the PVE task the current step waits on, before waiting, so a successor can find it. */
    public void awaiting(String upid, Instant at) {
        requireActive();
        steps.set(current, steps.get(current).waitingOn(upid));
        updatedAt = at;
    }

    /**
     * The current step waits for PVE (a task, a lock) and is to be looked at again at {@code checkAt}:
     * the worker lets go of the operation meanwhile, and any worker continues it then.
     */
    public void waitUntil(Instant checkAt, Instant at) {
        requireActive();
        steps.set(current, steps.get(current).waiting());
        nextRunAt = checkAt;
        updatedAt = at;
    }

    /** When the current step first started (null before it ever ran). */
    public Optional<Instant> currentStepStartedAt() {
        return currentStep().map(OperationStep::startedAt);
    }

    /** The current step succeeded; moves to the next one or finishes. */
    public void stepDone(Instant at) {
        requireActive();
        forgetTasksOf(steps.get(current).name());
        steps.set(current, steps.get(current).done(at));
        advance(at);
    }

    /** The current step has nothing to do (already done before a crash, not needed ...). */
    public void stepSkipped(Instant at) {
        requireActive();
        forgetTasksOf(steps.get(current).name());
        steps.set(current, steps.get(current).skipped(at));
        advance(at);
    }

    /** Jumps back to an earlier step of the plan (e.g. clone again with another vmid). */
    public void restartFrom(String stepName, Instant at) {
        requireActive();
        int idx = indexOf(stepName);
        for (int i = idx; i <= current && i < steps.size(); i++) {
            OperationStep s = steps.get(i);
            forgetTasksOf(s.name());
            steps.set(i, new OperationStep(s.name(), OperationStep.State.PENDING, s.attempts(), null, s.error(), null, null));
        }
        current = idx;
        nextRunAt = at;
        updatedAt = at;
    }

    /** A transient failure: the same step runs again after {@code delay}. */
    public void retryLater(String reason, Duration delay, Instant at) {
        requireActive();
        steps.set(current, steps.get(current).retrying(reason));
        error = reason;
        nextRunAt = at.plus(delay);
        updatedAt = at;
    }

    /**
     * A permanent failure of a forward step: the step is marked failed and the compensation plan
     * (may be empty) replaces the remaining steps. A failure during compensation ends the operation.
     */
    public void fail(String reason, List<String> compensation, Instant at) {
        requireActive();
        forgetTasksOf(steps.get(current).name());
        steps.set(current, steps.get(current).failed(reason, at));
        error = reason;
        if (compensating || compensation.isEmpty()) {
            finish(OperationStatus.FAILED, at);
            return;
        }
        for (int i = current + 1; i < steps.size(); i++) {
            steps.set(i, steps.get(i).skipped(at));
        }
        compensating = true;
        for (String name : compensation) {
            steps.add(OperationStep.pending(name));
        }
        current = steps.size() - compensation.size();
        nextRunAt = at;
        updatedAt = at;
    }

    private void advance(Instant at) {
        current++;
        updatedAt = at;
        nextRunAt = at;
        if (current >= steps.size()) {
            finish(compensating ? OperationStatus.FAILED : OperationStatus.SUCCEEDED, at);
        }
    }

    private void finish(OperationStatus outcome, Instant at) {
        status = outcome;
        finishedAt = at;
        nextRunAt = null;
        updatedAt = at;
        if (outcome == OperationStatus.SUCCEEDED) {
            error = null;
        }
    }

    private void requireActive() {
        if (status.finished()) {
            throw new StateConflictException("error.state_conflict", "Operation " + id + " has finished", status.wireName());
        }
    }

    private int indexOf(String stepName) {
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i).name().equals(stepName)) {
                return i;
            }
        }
        throw new IllegalArgumentException("no step " + stepName);
    }

    /** Data key under which a step remembers a PVE task it started (so a re-run waits instead of starting another). */
    public static String taskKey(String stepName, String label) {
        return TASK_PREFIX + stepName + "." + label;
    }

    private static final String TASK_PREFIX = "task.";

    private void forgetTasksOf(String stepName) {
        data.keySet().removeIf(k -> k.startsWith(TASK_PREFIX + stepName + "."));
    }

    public void put(String key, String value) {
        if (value == null) {
            data.remove(key);
        } else {
            data.put(key, value);
        }
    }

    public Optional<String> get(String key) {
        return Optional.ofNullable(data.get(key));
    }

    public UUID id() { return id; }
    public VmId vmId() { return vmId; }
    public UUID requestedBy() { return requestedBy; }
    public OperationType type() { return type; }
    public List<OperationStep> steps() { return List.copyOf(steps); }
    public Map<String, String> data() { return Map.copyOf(data); }
    public OperationStatus status() { return status; }
    public int currentIndex() { return current; }
    public boolean compensating() { return compensating; }
    public String error() { return error; }
    public Instant nextRunAt() { return nextRunAt; }
    public Instant createdAt() { return createdAt; }
    public Instant updatedAt() { return updatedAt; }
    public Instant finishedAt() { return finishedAt; }
    public long version() { return version; }
}
