package io.proxima.adapter.out.persistence.vm;

import io.proxima.application.vm.port.out.TemplateRepository;
import io.proxima.domain.vm.GuestType;
import io.proxima.domain.vm.Template;
import io.proxima.adapter.out.persistence.shared.Flushing;
import io.proxima.domain.shared.StaleVersionException;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class TemplatePanacheRepository implements TemplateRepository {

    @Override
    public Optional<Template> find(UUID id) {
        return TemplateEntity.<TemplateEntity>findByIdOptional(id).map(TemplatePanacheRepository::toDomain);
    }

    @Override
    public List<Template> list(boolean activeOnly) {
        List<TemplateEntity> rows = activeOnly ? TemplateEntity.list("active = true order by osFamily, name")
                : TemplateEntity.list("order by active desc, osFamily, name");
        return rows.stream().map(TemplatePanacheRepository::toDomain).toList();
    }

    @Override
    public void insert(Template template) {
        TemplateEntity e = new TemplateEntity();
        copy(template, e);
        e.createdAt = Instant.now();
        e.updatedAt = e.createdAt;
        e.persist();
    }

    @Override
    public void update(Template template) {
        TemplateEntity e = TemplateEntity.findById(template.id());
        if (e == null || e.version != template.version()) {
            throw new StaleVersionException("Template", template.version(), e == null ? -1 : e.version);
        }
        copy(template, e);
        e.updatedAt = Instant.now();
        Flushing.flushOrStale(TemplateEntity.getEntityManager(), "Template", template.version());
    }

    static Template toDomain(TemplateEntity e) {
        return new Template(e.id, e.name, GuestType.valueOf(e.type.toUpperCase(Locale.ROOT)), e.osFamily, e.pveVmid,
                e.ostemplate, e.nodeId, e.minDiskGb, e.cloudInit, e.active, e.version);
    }

    static void copy(Template t, TemplateEntity e) {
        e.id = t.id();
        e.name = t.name();
        e.type = t.type().wireName();
        e.osFamily = t.osFamily();
        e.pveVmid = t.pveVmid();
        e.ostemplate = t.ostemplate();
        e.nodeId = t.nodeId();
        e.minDiskGb = t.minDiskGb();
        e.cloudInit = t.cloudInit();
        e.active = t.active();
    }
}
