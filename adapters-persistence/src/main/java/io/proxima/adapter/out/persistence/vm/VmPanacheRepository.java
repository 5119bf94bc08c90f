package io.proxima.adapter.out.persistence.vm;

import io.proxima.application.vm.port.out.VmRepository;
import io.proxima.adapter.out.persistence.shared.Flushing;
import io.proxima.domain.shared.StaleVersionException;
import io.proxima.domain.vm.Vm;
import io.proxima.domain.vm.VmId;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

@ApplicationScoped
public class VmPanacheRepository implements VmRepository {

    @Override
    public Optional<Vm> find(VmId id) {
        return VmEntity.<VmEntity>findByIdOptional(id.value()).map(VmEntityMapper::toDomain);
    }

    @Override
    public void insert(Vm vm) {
        VmEntity e = new VmEntity();
        VmEntityMapper.copy(vm, e);
        e.persist();
    }

    @Override
    public void update(Vm vm) {
        VmEntity e = VmEntity.findById(vm.id().value());
        if (e == null || e.version != vm.version()) {
            throw new StaleVersionException("VM", vm.version(), e == null ? -1 : e.version);
        }
        VmEntityMapper.copy(vm, e);
        Flushing.flushOrStale(VmEntity.getEntityManager(), "VM", vm.version());
    }
}
