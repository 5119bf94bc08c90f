package io.proxima.application.vm.service;

import io.proxima.application.billing.port.out.ServiceControl;
import io.proxima.application.shared.Page;
import io.proxima.application.shared.PageRequest;
import io.proxima.application.vm.port.in.VmActionsUseCase;
import io.proxima.application.vm.port.in.VmActionsUseCase.Actor;
import io.proxima.application.vm.port.out.VmReadRepository;
import io.proxima.application.vm.port.out.VmReadRepository.VmFilter;
import io.proxima.application.vm.port.out.VmReadRepository.VmView;
import io.proxima.domain.shared.DomainException;
import io.proxima.domain.vm.VmId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * Billing's requests carried out on the customer's VMs: suspend (stop, keep stopped), lift the
 * suspension (and start the guests again), terminate (delete). Safe to repeat: VMs already in the
 * requested state are skipped, and a VM that cannot be acted on now fails the call so billing's
 * outbox retries it later.
 */
@ApplicationScoped
public class VmServiceControl implements ServiceControl {

    private static final Logger LOG = Logger.getLogger(VmServiceControl.class.getName());
    /** Billing acts as the system, with an administrator's reach. */
    private static final Actor SYSTEM = new Actor(null, true);

    private final VmReadRepository reads;
    private final VmActionsUseCase actions;

    @Inject
    public VmServiceControl(VmReadRepository reads, VmActionsUseCase actions) {
        this.reads = reads;
        this.actions = actions;
    }

    @Override
    public void suspendAllOf(UUID userId, String reason) {
        forEach(userId, vm -> {
            if (List.of("running", "stopped", "paused").contains(vm.status())) {
                actions.suspend(new VmId(vm.id()), reason, SYSTEM);
            }
        });
    }

    @Override
    public void unsuspendAllOf(UUID userId) {
        forEach(userId, vm -> {
            if ("suspended".equals(vm.status())) {
                actions.unsuspend(new VmId(vm.id()), SYSTEM);
                actions.power(new VmId(vm.id()), VmActionsUseCase.PowerCommand.START, SYSTEM);
            }
        });
    }

    @Override
    public void terminateAllOf(UUID userId) {
        forEach(userId, vm -> {
            if (!List.of("deleting", "deleted", "provisioning").contains(vm.status())) {
                actions.delete(new VmId(vm.id()), SYSTEM);
            }
        });
    }

    private void forEach(UUID userId, java.util.function.Consumer<VmView> action) {
        List<RuntimeException> failures = new ArrayList<>();
        for (VmView vm : vmsOf(userId)) {
            try {
                action.accept(vm);
            } catch (DomainException e) {
                LOG.warning("billing request on VM " + vm.id() + " failed: " + e.getMessage());
                failures.add(e);
            }
        }
        if (!failures.isEmpty()) {
            throw failures.get(0); // billing's outbox retries; done VMs are skipped next time
        }
    }

    @Transactional
    List<VmView> vmsOf(UUID userId) {
        List<VmView> all = new ArrayList<>();
        for (int page = 1; ; page++) {
            Page<VmView> p = reads.list(new VmFilter(userId, null, null, null, null, false), new PageRequest(page, 100), "created_at");
            all.addAll(p.items());
            if (!p.hasNext()) {
                return all;
            }
        }
    }
}
