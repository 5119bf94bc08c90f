package io.proxima.domain.vm;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/** One step of an operation as recorded for clients and for resumption after a crash. */
public record OperationStep(String name, State state, int attempts, String upid, String error,
                            Instant startedAt, Instant finishedAt) {

    public enum State {
        PENDING, RUNNING, DONE, FAILED, SKIPPED, COMPENSATED;

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
        return new OperationStep(name, State.RUNNING, attempts + 1, upid, null, startedAt == null ? at : startedAt, null);
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
