package io.proxima.adapter.out.persistence.vm;

import io.proxima.application.vm.port.out.TemplateRepository;
import io.proxima.domain.vm.GuestType;
import io.proxima.domain.vm.Template;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class TemplatePanacheRepository implements TemplateRepository {

    @Override
    public Optional<Template> find(UUID id) {
        return TemplateEntity.<TemplateEntity>findByIdOptional(id).map(TemplatePanacheRepository::toDomain);
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
