package io.proxima.bootstrap.vm;

import io.proxima.application.vm.service.OperationRunner;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import javax.sql.DataSource;
import org.awaitility.Awaitility;

/**
 * Lets the flow tests wait until the operations they started have gone as far as they can. The
 * runner hands operations to its worker pool, so a test cannot just call it until it returns 0:
 * it waits, on the database's view, until no worker is busy and no unfinished operation is due
 * within a few seconds (a step waiting on a PVE task is due again after the task poll interval).
 */
@ApplicationScoped
public class OperationsDrain {

    private static final Duration SOON = Duration.ofSeconds(3);

    @Inject
    OperationRunner runner;
    @Inject
    DataSource dataSource;
    @Inject
    Clock clock;

    public void drain() {
        drain(Duration.ofSeconds(90));
    }

    public void drain(Duration atMost) {
        Awaitility.await("operations to settle").atMost(atMost)
                .pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(25))
                .until(() -> {
                    runner.runDue();
                    return runner.busyWorkers() == 0 && dueSoon() == 0;
                });
    }

    private long dueSoon() throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("""
                     SELECT count(*) FROM vm_operations
                      WHERE status IN ('pending', 'running')
                        AND (next_run_at IS NULL OR next_run_at < ?)""")) {
            ps.setTimestamp(1, Timestamp.from(clock.instant().plus(SOON)));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
