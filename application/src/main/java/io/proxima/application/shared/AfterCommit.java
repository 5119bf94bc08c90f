package io.proxima.application.shared;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * Runs side effects (mails, cache invalidation) only once the current transaction has committed,
 * so nobody receives a code for a row that was rolled back. Outside a transaction it runs at once.
 */
@ApplicationScoped
public class AfterCommit {

    private final TransactionSynchronizationRegistry registry;

    @Inject
    public AfterCommit(TransactionSynchronizationRegistry registry) {
        this.registry = registry;
    }

    /** For tests and callers without transactions: runs everything immediately. */
    public static AfterCommit immediate() {
        return new AfterCommit(null);
    }

    public void run(Runnable action) {
        if (registry == null || registry.getTransactionStatus() != Status.STATUS_ACTIVE) {
            action.run();
            return;
        }
        registry.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    action.run();
                }
            }
        });
    }
}
