package io.proxima.adapter.out.persistence.vm;

import io.proxima.adapter.out.persistence.shared.Flushing;
import io.proxima.application.vm.port.out.PlanRepository;
import io.proxima.domain.billing.Money;
import io.proxima.domain.shared.ConflictException;
import io.proxima.domain.shared.StaleVersionException;
import io.proxima.domain.vm.GuestType;
import io.proxima.domain.vm.Plan;
import io.proxima.domain.vm.ResourceSpec;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class PlanPanacheRepository implements PlanRepository {

    @Override
    public Optional<Plan> find(UUID id) {
        return PlanEntity.<PlanEntity>findByIdOptional(id).map(PlanPanacheRepository::toDomain);
    }

    @Override
    public List<Plan> list(boolean activeOnly) {
        List<PlanEntity> rows = activeOnly ? PlanEntity.list("active = true order by priceHourlyMinor, name")
                : PlanEntity.list("order by active desc, priceHourlyMinor, name");
        return rows.stream().map(PlanPanacheRepository::toDomain).toList();
    }

    @Override
    public void insert(Plan plan) {
        PlanEntity e = new PlanEntity();
        copy(plan, e);
        e.createdAt = Instant.now();
        e.updatedAt = e.createdAt;
        try {
            e.persistAndFlush();
        } catch (org.hibernate.exception.ConstraintViolationException duplicate) {
            throw new ConflictException("error.plan.name_taken", "An active plan named " + plan.name() + " exists");
        }
    }

    @Override
    public void update(Plan plan) {
        PlanEntity e = PlanEntity.findById(plan.id());
        if (e == null || e.version != plan.version()) {
            throw new StaleVersionException("Plan", plan.version(), e == null ? -1 : e.version);
        }
        copy(plan, e);
        e.updatedAt = Instant.now();
        try {
            Flushing.flushOrStale(PlanEntity.getEntityManager(), "Plan", plan.version());
        } catch (org.hibernate.exception.ConstraintViolationException duplicate) {
            throw new ConflictException("error.plan.name_taken", "An active plan named " + plan.name() + " exists");
        }
    }

    static Plan toDomain(PlanEntity e) {
        Currency c = Currency.getInstance(e.currency);
        return new Plan(e.id, e.name, GuestType.valueOf(e.type.toUpperCase(Locale.ROOT)),
                new ResourceSpec(e.cpuCores, e.memoryMb, e.diskGb), e.bandwidthGb, e.snapshotLimit,
                Money.of(e.priceHourlyMinor, c), Money.of(e.priceMonthlyMinor, c), e.active, e.version);
    }

    private static void copy(Plan p, PlanEntity e) {
        e.id = p.id();
        e.name = p.name();
        e.type = p.type().wireName();
        e.cpuCores = p.spec().cpuCores();
        e.memoryMb = p.spec().memoryMb();
        e.diskGb = p.spec().diskGb();
        e.bandwidthGb = p.bandwidthGb();
        e.snapshotLimit = p.snapshotLimit();
        e.priceHourlyMinor = p.priceHourly().minor();
        e.priceMonthlyMinor = p.priceMonthly().minor();
        e.currency = p.priceHourly().currencyCode();
        e.active = p.active();
    }
}
