package io.proxima.application.vm.port.in;

import io.proxima.domain.node.IpPool;
import io.proxima.domain.vm.Plan;
import io.proxima.domain.vm.Template;
import java.util.List;
import java.util.UUID;

/** Plans, templates and IP pools: read by customers (plans, templates), managed by administrators. */
public interface CatalogUseCase {

    List<Plan> plans(boolean includeRetired);

    Plan plan(UUID id);

    Plan createPlan(Plan plan);

    /** {@code expectedVersion} null skips the optimistic check. */
    Plan updatePlan(UUID id, Plan changed, Long expectedVersion);

    /** Retires the plan: it can no longer be ordered, existing VMs keep it. */
    Plan retirePlan(UUID id);

    List<Template> templates(boolean includeInactive);

    Template template(UUID id);

    Template createTemplate(Template template);

    Template updateTemplate(UUID id, Template changed, Long expectedVersion);

    Template deactivateTemplate(UUID id);

    List<IpPool> pools();

    IpPool pool(UUID id);

    IpPool createPool(IpPool pool);

    IpPool updatePool(UUID id, IpPool changed, Long expectedVersion);

    /** Refused (409) while any address of the pool is assigned. */
    void deletePool(UUID id);

    /** Assigned and total address counts of a pool. */
    record PoolUsage(long assigned, long capacity) {
    }

    PoolUsage usage(UUID poolId);
}
