package io.proxima.application.vm.service;

import io.proxima.application.shared.Page;
import io.proxima.application.shared.PageRequest;
import io.proxima.application.vm.port.in.VmActionsUseCase.Actor;
import io.proxima.application.vm.port.in.VmQueryUseCase;
import io.proxima.application.vm.port.out.VmReadRepository;
import io.proxima.application.vm.port.out.VmReadRepository.VmFilter;
import io.proxima.application.vm.port.out.VmReadRepository.VmView;
import io.proxima.domain.shared.NotFoundException;
import io.proxima.domain.shared.ValidationException;
import io.proxima.domain.vm.Operation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Set;
import java.util.UUID;

@ApplicationScoped
public class VmQueryService implements VmQueryUseCase {

    static final Set<String> SORTS = Set.of("created_at", "-created_at", "hostname", "-hostname", "status", "-status");

    private final VmReadRepository reads;

    @Inject
    public VmQueryService(VmReadRepository reads) {
        this.reads = reads;
    }

    @Override
    @Transactional
    public Page<VmView> list(VmFilter filter, PageRequest page, String sort, Actor actor) {
        if (sort != null && !sort.isBlank() && !SORTS.contains(sort)) {
            throw ValidationException.of("sort", "validation.sort", "must be one of " + String.join(", ", SORTS));
        }
        // Customers see their own VMs whatever owner filter they send.
        VmFilter scoped = actor.admin() ? filter
                : new VmFilter(actor.userId(), filter.nodeId(), filter.status(), filter.type(), filter.search(), false);
        return reads.list(scoped, page, sort == null || sort.isBlank() ? "-created_at" : sort);
    }

    @Override
    @Transactional
    public VmView get(UUID id, Actor actor) {
        VmView vm = reads.find(id).orElseThrow(() -> new NotFoundException("VM", id));
        if (!actor.admin() && (!vm.ownerId().equals(actor.userId()) || "deleted".equals(vm.status()))) {
            throw new NotFoundException("VM", id);
        }
        return vm;
    }

    @Override
    @Transactional
    public Page<Operation> operations(UUID vmId, String type, String status, PageRequest page, Actor actor) {
        if (vmId != null) {
            get(vmId, actor);
        }
        return reads.operations(vmId, actor.admin() ? null : actor.userId(), type, status, page);
    }

    @Override
    @Transactional
    public Operation operation(UUID id, Actor actor) {
        VmReadRepository.OwnedOperation owned = reads.operation(id).orElseThrow(() -> new NotFoundException("Operation", id));
        if (!actor.admin() && !owned.ownerId().equals(actor.userId())) {
            throw new NotFoundException("Operation", id);
        }
        return owned.operation();
    }
}
