package io.proxima.application.vm.port.out;

import io.proxima.domain.vm.Template;
import java.util.Optional;
import java.util.UUID;

/** OS templates. */
public interface TemplateRepository {

    Optional<Template> find(UUID id);
}
