package io.proxima.application.vm.service;

import io.proxima.application.shared.PageRequest;
import io.proxima.application.user.port.out.UserResources;
import io.proxima.application.vm.port.out.VmReadRepository;
import io.proxima.application.vm.port.out.VmReadRepository.VmFilter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.UUID;

/** The VM context's answer to the user context: how many guests a user has, and their termination. */
@ApplicationScoped
public class VmUserResources implements UserResources {

    private final VmReadRepository reads;
    private final VmServiceControl control;

    @Inject
    public VmUserResources(VmReadRepository reads, VmServiceControl control) {
        this.reads = reads;
        this.control = control;
    }

    @Override
    public long activeVmCount(UUID userId) {
        return reads.list(new VmFilter(userId, null, null, null, null, false), new PageRequest(1, 1), "created_at").totalCount();
    }

    @Override
    public void terminateAll(UUID userId) {
        control.terminateAllOf(userId);
    }
}
