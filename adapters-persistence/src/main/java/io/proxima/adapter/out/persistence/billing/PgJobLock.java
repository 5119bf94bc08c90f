package io.proxima.adapter.out.persistence.billing;

import io.proxima.application.billing.port.out.JobLock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * A PostgreSQL transaction-scoped advisory lock (released by commit or rollback, so a crashed
 * instance never leaves it held). Period claims are {@code PeriodicJobsSql}'s.
 */
@ApplicationScoped
public class PgJobLock implements JobLock {

    /** Arbitrary, stable key of the billing jobs' advisory lock ("PRXBILL" in ASCII). */
    static final long BILLING_LOCK_KEY = 0x5052_5842_494C_4CL;

    private final Sql sql;

    @Inject
    public PgJobLock(Sql sql) {
        this.sql = sql;
    }

    @Override
    public boolean tryLockForTransaction() {
        return sql.one("SELECT pg_try_advisory_xact_lock(?)", rs -> rs.getBoolean(1), BILLING_LOCK_KEY).orElse(false);
    }
}
