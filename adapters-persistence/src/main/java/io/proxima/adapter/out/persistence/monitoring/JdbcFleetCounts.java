package io.proxima.adapter.out.persistence.monitoring;

import io.proxima.adapter.out.persistence.billing.Sql;
import io.proxima.application.monitoring.port.out.FleetCounts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;

/** Dashboard counts straight from the tables (a report read model: no aggregate is loaded). */
@ApplicationScoped
public class JdbcFleetCounts implements FleetCounts {

    private final Sql sql;

    @Inject
    public JdbcFleetCounts(Sql sql) {
        this.sql = sql;
    }

    @Override
    public VmCounts vms() {
        Map<String, Long> byStatus = new LinkedHashMap<>();
        Map<String, Long> byType = new LinkedHashMap<>();
        long[] total = {0};
        sql.list("SELECT status, type, count(*) AS n FROM vms WHERE status <> 'deleted' GROUP BY status, type ORDER BY status, type",
                rs -> {
                    long n = rs.getLong("n");
                    byStatus.merge(rs.getString("status"), n, Long::sum);
                    byType.merge(rs.getString("type"), n, Long::sum);
                    total[0] += n;
                    return n;
                });
        return new VmCounts(total[0], byStatus, byType);
    }

    @Override
    public long customers() {
        return sql.one("SELECT count(*) FROM users WHERE role = 'user' AND status <> 'deleted'", rs -> rs.getLong(1)).orElse(0L);
    }

    @Override
    public long openTickets() {
        return sql.one("SELECT count(*) FROM tickets WHERE status <> 'closed'", rs -> rs.getLong(1)).orElse(0L);
    }
}
