package io.proxima.application.vm.port.out;

import io.proxima.domain.vm.Vm;
import io.proxima.domain.vm.VmId;
import java.util.Optional;

/** VM aggregates; updates are optimistic on the aggregate's version. */
public interface VmRepository {

    Optional<Vm> find(VmId id);

    void insert(Vm vm);

    /** Saves the aggregate; throws {@code StaleVersionException} when someone saved it in between. */
    void update(Vm vm);
}
