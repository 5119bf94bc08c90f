package io.proxima.domain.vm;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/** One step of an operation as recorded for clients and for resumption after a crash. */
public record OperationStep(String name, State state, int attempts, String upid, String error,
                            Instant startedAt, Instant finishedAt) {

    public enum State {
        PENDING, RUNNING, DONE, FAILED, SKIPPED, COMPENSATED,
        /** Started, and waiting for PVE (a task, a lock) without holding a worker: looked at again later. */
        WAITING;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public OperationStep {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(state, "state");
    }

    public static OperationStep pending(String name) {
        return new OperationStep(name, State.PENDING, 0, null, null, null, null);
    }

    OperationStep running(Instant at) {
        // Coming back to look at a task it waits for is not a new attempt.
        int n = state == State.WAITING ? attempts : attempts + 1;
        return new OperationStep(name, State.RUNNING, Math.max(1, n), upid, state == State.WAITING ? error : null,
                startedAt == null ? at : startedAt, null);
    }

    OperationStep waiting() {
        return new OperationStep(name, State.WAITING, attempts, upid, error, startedAt, null);
    }

    OperationStep waitingOn(String upid) {
        return new OperationStep(name, state, attempts, upid, error, startedAt, finishedAt);
    }

    OperationStep done(Instant at) {
        return new OperationStep(name, State.DONE, attempts, upid, null, startedAt == null ? at : startedAt, at);
    }

    OperationStep failed(String error, Instant at) {
        return new OperationStep(name, State.FAILED, attempts, upid, error, startedAt == null ? at : startedAt, at);
    }

    OperationStep retrying(String error) {
        return new OperationStep(name, State.PENDING, attempts, upid, error, startedAt, null);
    }

    OperationStep skipped(Instant at) {
        return new OperationStep(name, State.SKIPPED, attempts, upid, null, startedAt, at);
    }
}
