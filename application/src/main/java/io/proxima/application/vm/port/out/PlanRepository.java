package io.proxima.application.vm.port.out;

import io.proxima.domain.vm.Plan;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Plans; updates are optimistic on the version. */
public interface PlanRepository {

    Optional<Plan> find(UUID id);

    List<Plan> list(boolean activeOnly);

    void insert(Plan plan);

    /** Throws {@code StaleVersionException} when the plan changed since it was read. */
    void update(Plan plan);
}
