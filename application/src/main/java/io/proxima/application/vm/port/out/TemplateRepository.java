package io.proxima.application.vm.port.out;

import io.proxima.domain.vm.Template;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** OS templates. */
public interface TemplateRepository {

    Optional<Template> find(UUID id);

    List<Template> list(boolean activeOnly);

    void insert(Template template);

    /** Throws {@code StaleVersionException} when the template changed since it was read. */
    void update(Template template);
}
