package io.proxima.application.vm.service;

import io.proxima.domain.vm.OperationType;
import java.util.List;

/**
 * The plan of one kind of operation: forward steps, the compensation that undoes them, and the
 * code of each step. Steps must be safe to run again after a crash: each first looks at what
 * exists (recorded data, PVE state) before it creates anything.
 */
interface Saga {

    OperationType type();

    List<String> steps();

    /** Run in order when a forward step fails for good; empty when there is nothing to undo. */
    List<String> compensation();

    StepOutcome run(String step, SagaRun run);

    /**
     * Called once when the operation has ended in failure (after compensation, or when the
     * compensation itself failed): leaves the VM in a truthful state.
     */
    void failed(SagaRun run, String reason);

    enum StepOutcome { DONE, SKIPPED }

    /** Thrown by a step to go back to an earlier step, e.g. clone again with another vmid. */
    final class RestartFrom extends RuntimeException {
        final String step;

        RestartFrom(String step, String why) {
            super(why, null, false, false);
            this.step = step;
        }
    }

    /**
     * Thrown by a step that waits for PVE (a task, a lock): the step is looked at again at
     * {@code at}, by any runner, and no worker is held meanwhile. The step runs again from its
     * beginning, so it must find what it already started (see {@link SagaRun#task}).
     */
    final class CheckAgain extends RuntimeException {
        final java.time.Instant at;

        CheckAgain(java.time.Instant at, String why) {
            super(why, null, false, false);
            this.at = at;
        }
    }

    /** Thrown by a step for a failure that retrying cannot fix. */
    final class PermanentFailure extends RuntimeException {
        PermanentFailure(String why) {
            super(why, null, false, false);
        }
    }
}
