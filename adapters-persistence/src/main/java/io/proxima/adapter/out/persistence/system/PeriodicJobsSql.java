package io.proxima.adapter.out.persistence.system;

import io.proxima.application.shared.port.out.PeriodicJobs;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;

@ApplicationScoped
public class PeriodicJobsSql implements PeriodicJobs {

    // Its own transaction: the claim must stick even when the job itself fails afterwards.
    @Override
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean claim(String job, Instant periodStart) {
        int rows = SettingEntity.getEntityManager().createNativeQuery(
                        "INSERT INTO job_runs (job, period_start) VALUES (?1, ?2) ON CONFLICT DO NOTHING")
                .setParameter(1, job).setParameter(2, periodStart).executeUpdate();
        return rows == 1;
    }

    @Override
    @Transactional
    public int purgeClaimedBefore(Instant cutoff) {
        return SettingEntity.getEntityManager().createNativeQuery("DELETE FROM job_runs WHERE claimed_at < ?1")
                .setParameter(1, cutoff).executeUpdate();
    }
}
