package io.proxima.application.vm.service;

import io.proxima.application.audit.AuditEvent;
import io.proxima.application.audit.port.in.AuditLog;

import io.proxima.application.node.port.out.NodeRepository;
import io.proxima.application.vm.port.in.CatalogUseCase;
import io.proxima.application.vm.port.out.IpPoolRepository;
import io.proxima.application.vm.port.out.PlanRepository;
import io.proxima.application.vm.port.out.TemplateRepository;
import io.proxima.domain.node.IpPool;
import io.proxima.domain.shared.ConflictException;
import io.proxima.domain.shared.NotFoundException;
import io.proxima.domain.shared.StaleVersionException;
import io.proxima.domain.shared.ValidationException;
import io.proxima.domain.vm.Plan;
import io.proxima.domain.vm.Template;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class CatalogService implements CatalogUseCase {

    private final PlanRepository plans;
    private final TemplateRepository templates;
    private final IpPoolRepository pools;
    private final NodeRepository nodes;

    // Every change of the catalogue is audited in its own transaction (null only in unit tests).
    @Inject
    AuditLog audit;

    @Inject
    public CatalogService(PlanRepository plans, TemplateRepository templates, IpPoolRepository pools, NodeRepository nodes) {
        this.plans = plans;
        this.templates = templates;
        this.pools = pools;
        this.nodes = nodes;
    }

    @Override
    @Transactional
    public List<Plan> plans(boolean includeRetired) {
        return plans.list(!includeRetired);
    }

    @Override
    @Transactional
    public Plan plan(UUID id) {
        return plans.find(id).orElseThrow(() -> new NotFoundException("Plan", id));
    }

    @Override
    @Transactional
    public Plan createPlan(Plan plan) {
        plans.insert(plan);
        audit(AuditEvent.of("plan.create", "plan", plan.id()).detail("name", plan.name())
                .detail("price_hourly", plan.priceHourly().toPlainString()));
        return plan;
    }

    @Override
    @Transactional
    public Plan updatePlan(UUID id, Plan changed, Long expectedVersion) {
        Plan current = plan(id);
        checkVersion("Plan", expectedVersion, current.version());
        Plan updated = new Plan(id, changed.name(), changed.type(), changed.spec(), changed.bandwidthGb(),
                changed.snapshotLimit(), changed.priceHourly(), changed.priceMonthly(), changed.active(), current.version());
        plans.update(updated);
        audit(AuditEvent.of("plan.update", "plan", id).detail("name", updated.name())
                .detail("price_hourly", updated.priceHourly().toPlainString()).detail("active", updated.active()));
        return plan(id);
    }

    @Override
    @Transactional
    public Plan retirePlan(UUID id) {
        Plan current = plan(id);
        plans.update(current.retire());
        audit(AuditEvent.of("plan.retire", "plan", id).detail("name", current.name()));
        return plan(id);
    }

    @Override
    @Transactional
    public List<Template> templates(boolean includeInactive) {
        return templates.list(!includeInactive);
    }

    @Override
    @Transactional
    public Template template(UUID id) {
        return templates.find(id).orElseThrow(() -> new NotFoundException("Template", id));
    }

    @Override
    @Transactional
    public Template createTemplate(Template template) {
        requireNode(template.nodeId());
        templates.insert(template);
        audit(AuditEvent.of("template.create", "template", template.id()).detail("name", template.name())
                .detail("node_id", template.nodeId()));
        return template;
    }

    @Override
    @Transactional
    public Template updateTemplate(UUID id, Template changed, Long expectedVersion) {
        Template current = template(id);
        checkVersion("Template", expectedVersion, current.version());
        requireNode(changed.nodeId());
        templates.update(new Template(id, changed.name(), changed.type(), changed.osFamily(), changed.pveVmid(),
                changed.ostemplate(), changed.nodeId(), changed.minDiskGb(), changed.cloudInit(), changed.active(),
                current.version()));
        audit(AuditEvent.of("template.update", "template", id).detail("name", changed.name()).detail("active", changed.active()));
        return template(id);
    }

    @Override
    @Transactional
    public Template deactivateTemplate(UUID id) {
        Template t = template(id);
        templates.update(new Template(id, t.name(), t.type(), t.osFamily(), t.pveVmid(), t.ostemplate(), t.nodeId(),
                t.minDiskGb(), t.cloudInit(), false, t.version()));
        audit(AuditEvent.of("template.deactivate", "template", id).detail("name", t.name()));
        return template(id);
    }

    @Override
    @Transactional
    public List<IpPool> pools() {
        return pools.list();
    }

    @Override
    @Transactional
    public IpPool pool(UUID id) {
        return pools.find(id).orElseThrow(() -> new NotFoundException("IP pool", id));
    }

    @Override
    @Transactional
    public IpPool createPool(IpPool pool) {
        requireNode(pool.nodeId());
        if (pools.overlaps(Integer.toUnsignedLong(pool.cidr().network()), pool.cidr().prefixLength(), null)) {
            throw ValidationException.of("cidr", "validation.cidr_overlap", "overlaps an existing pool");
        }
        pools.insert(pool);
        audit(AuditEvent.of("ip_pool.create", "ip_pool", pool.id()).detail("name", pool.name())
                .detail("cidr", pool.cidr().toString()).detail("node_id", pool.nodeId()));
        return pool;
    }

    @Override
    @Transactional
    public IpPool updatePool(UUID id, IpPool changed, Long expectedVersion) {
        IpPool current = pool(id);
        checkVersion("IP pool", expectedVersion, current.version());
        requireNode(changed.nodeId());
        boolean networkChanged = !changed.cidr().equals(current.cidr());
        if (networkChanged && pools.assignedCount(id) > 0) {
            throw new ConflictException("error.pool.in_use", "The network of a pool with assigned addresses cannot change");
        }
        if (pools.overlaps(Integer.toUnsignedLong(changed.cidr().network()), changed.cidr().prefixLength(), id)) {
            throw ValidationException.of("cidr", "validation.cidr_overlap", "overlaps an existing pool");
        }
        pools.update(new IpPool(id, changed.name(), changed.nodeId(), changed.location(), changed.cidr(), changed.gateway(),
                changed.excluded(), changed.dns(), current.version()));
        audit(AuditEvent.of("ip_pool.update", "ip_pool", id).detail("name", changed.name())
                .detail("cidr", changed.cidr().toString()));
        return pool(id);
    }

    @Override
    @Transactional
    public void deletePool(UUID id) {
        pool(id);
        if (pools.assignedCount(id) > 0) {
            throw new ConflictException("error.pool.in_use", "The pool still has assigned addresses");
        }
        pools.delete(id);
        audit(AuditEvent.of("ip_pool.delete", "ip_pool", id));
    }

    private void audit(AuditEvent event) {
        if (audit != null) {
            audit.record(event);
        }
    }

    @Override
    @Transactional
    public PoolUsage usage(UUID poolId) {
        IpPool p = pool(poolId);
        return new PoolUsage(pools.assignedCount(poolId), p.capacity());
    }

    private void requireNode(UUID nodeId) {
        if (nodeId != null && nodes.find(nodeId).isEmpty()) {
            throw ValidationException.of("node_id", "validation.node_unknown", "is not a known node");
        }
    }

    private static void checkVersion(String resource, Long expected, long actual) {
        if (expected != null && expected != actual) {
            throw new StaleVersionException(resource, expected, actual);
        }
    }
}
