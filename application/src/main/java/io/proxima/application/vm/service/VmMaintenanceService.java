package io.proxima.application.vm.service;

import io.proxima.application.hypervisor.port.out.ConfigChange;
import io.proxima.application.hypervisor.port.out.GuestRef;
import io.proxima.application.hypervisor.port.out.GuestType;
import io.proxima.application.hypervisor.port.out.Hypervisor;
import io.proxima.application.shared.port.out.SecretCipher;
import io.proxima.application.vm.port.in.VmActionsUseCase.Actor;
import io.proxima.application.vm.port.in.VmMaintenanceUseCase;
import io.proxima.application.vm.port.out.NodeDirectory;
import io.proxima.application.vm.port.out.OperationRepository;
import io.proxima.application.vm.port.out.PlanRepository;
import io.proxima.application.vm.port.out.TemplateRepository;
import io.proxima.application.vm.port.out.VmRepository;
import io.proxima.domain.node.NodeCapacity;
import io.proxima.domain.shared.ConflictException;
import io.proxima.domain.shared.FieldError;
import io.proxima.domain.shared.NotFoundException;
import io.proxima.domain.shared.StaleVersionException;
import io.proxima.domain.shared.StateConflictException;
import io.proxima.domain.shared.ValidationException;
import io.proxima.domain.vm.Hostname;
import io.proxima.domain.vm.Operation;
import io.proxima.domain.vm.OperationType;
import io.proxima.domain.vm.Placement;
import io.proxima.domain.vm.Plan;
import io.proxima.domain.vm.SshPublicKey;
import io.proxima.domain.vm.Template;
import io.proxima.domain.vm.Vm;
import io.proxima.domain.vm.VmEvent;
import io.proxima.domain.vm.VmId;
import io.proxima.domain.vm.VmStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Migrate, rename / change plan and reinstall. Every request is validated completely and recorded
 * (VM change + operation) in one short transaction; the PVE work runs in the operation's saga.
 * A rename alone is synchronous: PVE's name is changed first, then the VM is saved.
 */
@ApplicationScoped
public class VmMaintenanceService implements VmMaintenanceUseCase {

    private static final Duration TASK_TIMEOUT = Duration.ofMinutes(2);

    private final VmRepository vms;
    private final OperationRepository operations;
    private final PlanRepository plans;
    private final TemplateRepository templates;
    private final NodeDirectory nodes;
    private final Hypervisor hypervisor;
    private final SecretCipher cipher;
    private final VmAudit audit;
    private final VmTransactions tx;
    private final Clock clock;

    @Inject
    public VmMaintenanceService(VmRepository vms, OperationRepository operations, PlanRepository plans,
                                TemplateRepository templates, NodeDirectory nodes, Hypervisor hypervisor,
                                SecretCipher cipher, VmAudit audit, VmTransactions tx, Clock clock) {
        this.vms = vms;
        this.operations = operations;
        this.plans = plans;
        this.templates = templates;
        this.nodes = nodes;
        this.hypervisor = hypervisor;
        this.cipher = cipher;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
    }

    // --- migrate -------------------------------------------------------------------------------

    @Override
    public Changed migrate(VmId id, UUID targetNodeId, Actor actor) {
        Vm vm = tx.load(id, actor);
        var record = VmAudit.event("vm.migrate", vm).detail("target_node_id", targetNodeId);
        return audit.around(record, () -> {
            Changed c = startMigration(id, targetNodeId, actor);
            record.detail("operation_id", c.operation().id());
            return c;
        });
    }

    @Transactional
    Changed startMigration(VmId id, UUID targetNodeId, Actor actor) {
        if (targetNodeId == null) {
            throw ValidationException.of("target_node_id", "validation.required", "is required");
        }
        nodes.lockPlacement();
        Vm vm = VmAccess.load(vms, id, actor);
        Placement from = requireInPve(vm);
        if (!(vm.status().isSteady() || vm.status() == VmStatus.SUSPENDED)) {
            throw new StateConflictException("error.vm.not_ready", "The VM cannot be migrated while it is " + vm.status().wireName(),
                    vm.status().wireName());
        }
        tx.requireNoActiveOperation(id);
        if (targetNodeId.equals(from.nodeId())) {
            throw ValidationException.of("target_node_id", "validation.migrate_same_node", "is the node the VM is on");
        }
        NodeDirectory.NodeTarget target;
        try {
            target = nodes.target(targetNodeId);
        } catch (NotFoundException e) {
            throw ValidationException.of("target_node_id", "validation.node_unknown", "is not a known node");
        }
        NodeDirectory.NodeTarget source = nodes.target(from.nodeId());
        if (!sameCluster(source, target)) {
            throw ValidationException.of("target_node_id", "validation.migrate_other_cluster",
                    "is not in the cluster of the VM's node");
        }
        NodeCapacity capacity = nodes.capacities().stream().filter(n -> n.nodeId().equals(targetNodeId)).findFirst()
                .orElseThrow(() -> ValidationException.of("target_node_id", "validation.node_unknown", "is not a known node"));
        if (!capacity.enabled() || !capacity.online() || !capacity.fits(vm.spec().cpuCores(), vm.spec().memoryMb())) {
            throw new ConflictException("error.node.no_capacity",
                    "Node " + capacity.name() + " has no room for this VM", capacity.name());
        }
        Map<String, String> data = new HashMap<>();
        data.put(MigrateSaga.TARGET_NODE_ID, targetNodeId.toString());
        data.put(MigrateSaga.TARGET_PVE_NODE, target.pveNode());
        data.put(MigrateSaga.SOURCE_PVE_NODE, from.pveNode());
        Operation op = Operation.start(vm.id(), actor.userId(), OperationType.MIGRATE, MigrateSaga.STEPS, data, clock.instant());
        operations.insert(op);
        return new Changed(vm, op);
    }

    static boolean sameCluster(NodeDirectory.NodeTarget a, NodeDirectory.NodeTarget b) {
        return Objects.equals(a.connection().baseUrl(), b.connection().baseUrl());
    }

    // --- rename / change plan ------------------------------------------------------------------

    @Override
    public Changed update(VmId id, UpdateVmCommand c, Actor actor) {
        Vm vm = tx.load(id, actor);
        var record = VmAudit.event("vm.update", vm).detail("new_hostname", c.hostname()).detail("new_plan_id", c.planId());
        return audit.around(record, () -> {
            Changed changed = doUpdate(id, c, actor);
            if (changed.operation() != null) {
                record.detail("operation_id", changed.operation().id());
            }
            return changed;
        });
    }

    private Changed doUpdate(VmId id, UpdateVmCommand c, Actor actor) {
        Prepared p = prepareUpdate(id, c, actor);
        if (p.plan == null) {
            if (p.hostname == null) {
                return new Changed(p.vm, null); // nothing to change
            }
            // Rename only: PVE first (outside any transaction), then the VM at the version checked.
            renameInPve(p.vm, p.hostname);
            return new Changed(saveRename(id, p.hostname, p.vm.version()), null);
        }
        return startResize(id, p.hostname, p.plan, p.vm.version(), actor);
    }

    private record Prepared(Vm vm, Hostname hostname, Plan plan) {
    }

    @Transactional
    Prepared prepareUpdate(VmId id, UpdateVmCommand c, Actor actor) {
        Vm vm = VmAccess.load(vms, id, actor);
        if (c.version() != null && c.version() != vm.version()) {
            throw new StaleVersionException("VM", c.version(), vm.version());
        }
        List<FieldError> errors = new ArrayList<>();
        Hostname hostname = null;
        if (c.hostname() != null) {
            try {
                hostname = new Hostname(c.hostname());
            } catch (ValidationException e) {
                errors.addAll(e.fieldErrors());
            }
        }
        Plan plan = null;
        if (c.planId() != null && !c.planId().equals(vm.planId())) {
            plan = plans.find(c.planId()).filter(Plan::active).orElse(null);
            if (plan == null) {
                errors.add(FieldError.of("plan_id", "validation.plan_unknown", "is not an active plan"));
            } else if (plan.type() != vm.type()) {
                errors.add(FieldError.of("plan_id", "validation.plan_type",
                        "is a " + plan.type().wireName() + " plan but the VM is " + vm.type().wireName()));
                plan = null;
            } else if (plan.spec().diskGb() < vm.spec().diskGb()) {
                errors.add(FieldError.of("plan_id", "validation.disk_shrink",
                        "has " + plan.spec().diskGb() + " GB of disk; a disk cannot shrink below the current "
                                + vm.spec().diskGb() + " GB", plan.spec().diskGb(), vm.spec().diskGb()));
                plan = null;
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        if (hostname != null && hostname.equals(vm.hostname()) && plan == null) {
            hostname = null;
        }
        if (hostname != null || plan != null) {
            requireInPve(vm);
            if (vm.status() != VmStatus.RUNNING && vm.status() != VmStatus.STOPPED) {
                throw new StateConflictException("error.vm.not_ready", "The VM cannot be changed while it is " + vm.status().wireName(),
                        vm.status().wireName());
            }
            tx.requireNoActiveOperation(id);
        }
        return new Prepared(vm, hostname, plan);
    }

    private void renameInPve(Vm vm, Hostname hostname) {
        Placement p = requireInPve(vm);
        var target = nodes.target(p.nodeId());
        GuestRef guest = guest(vm, p);
        ConfigChange change = vm.type() == io.proxima.domain.vm.GuestType.QEMU
                ? ConfigChange.builder().name(hostname.value()).build()
                : ConfigChange.builder().hostname(hostname.value()).build();
        Guests.requireOwned(hypervisor, target.connection(), guest, vm.id().value());
        hypervisor.updateConfig(target.connection(), guest, change)
                .ifPresent(upid -> hypervisor.awaitTask(target.connection(), upid, TASK_TIMEOUT));
    }

    @Transactional
    Vm saveRename(VmId id, Hostname hostname, long version) {
        Vm vm = vms.find(id).orElseThrow(() -> new NotFoundException("VM", id));
        if (vm.version() != version) {
            throw new StaleVersionException("VM", version, vm.version());
        }
        vm.rename(hostname, clock.instant());
        vms.update(vm);
        return vm;
    }

    @Transactional
    Changed startResize(VmId id, Hostname hostname, Plan plan, long version, Actor actor) {
        Vm vm = vms.find(id).orElseThrow(() -> new NotFoundException("VM", id));
        if (vm.version() != version) {
            throw new StaleVersionException("VM", version, vm.version());
        }
        tx.requireNoActiveOperation(id);
        if (hostname != null) {
            vm.rename(hostname, clock.instant());
            vms.update(vm);
        }
        Map<String, String> data = new HashMap<>();
        data.put(ResizeSaga.PLAN_ID, plan.id().toString());
        data.put(ResizeSaga.CORES, Integer.toString(plan.spec().cpuCores()));
        data.put(ResizeSaga.MEMORY_MB, Integer.toString(plan.spec().memoryMb()));
        data.put(ResizeSaga.DISK_GB, Integer.toString(plan.spec().diskGb()));
        Operation op = Operation.start(vm.id(), actor.userId(), OperationType.RESIZE, ResizeSaga.STEPS, data, clock.instant());
        operations.insert(op);
        return new Changed(vm, op);
    }

    // --- reinstall -----------------------------------------------------------------------------

    @Override
    public Changed reinstall(VmId id, ReinstallCommand c, Actor actor) {
        Vm vm = tx.load(id, actor);
        var record = VmAudit.event("vm.reinstall", vm).detail("template_id", c.templateId());
        return audit.around(record, () -> {
            Changed changed = startReinstall(id, c, actor);
            record.detail("operation_id", changed.operation().id());
            return changed;
        });
    }

    @Transactional
    Changed startReinstall(VmId id, ReinstallCommand c, Actor actor) {
        Vm vm = VmAccess.load(vms, id, actor);
        List<FieldError> errors = new ArrayList<>();
        if (!Boolean.TRUE.equals(c.confirm())) {
            errors.add(FieldError.of("confirm", "validation.confirm_required",
                    "must be true: reinstalling destroys all data on the VM"));
        }
        Template template = null;
        if (c.templateId() == null) {
            errors.add(FieldError.of("template_id", "validation.required", "is required"));
        } else {
            template = templates.find(c.templateId()).filter(Template::active).orElse(null);
            if (template == null) {
                errors.add(FieldError.of("template_id", "validation.template_unknown", "is not an available template"));
            } else if (template.type() != vm.type()) {
                errors.add(FieldError.of("template_id", "validation.template_type",
                        "is a " + template.type().wireName() + " template but the VM is " + vm.type().wireName()));
            } else if (template.minDiskGb() > vm.spec().diskGb()) {
                errors.add(FieldError.of("template_id", "validation.plan_disk_too_small",
                        "needs " + template.minDiskGb() + " GB of disk; the VM has " + vm.spec().diskGb()));
            } else if (vm.placement().isPresent() && !template.availableOn(vm.placement().get().nodeId())) {
                errors.add(FieldError.of("template_id", "validation.template_node", "is not available on the VM's node"));
            }
        }
        List<String> keys = new ArrayList<>();
        List<String> raw = c.sshKeys() == null ? List.of() : c.sshKeys();
        if (raw.size() > CreateVmService.MAX_SSH_KEYS) {
            errors.add(FieldError.of("ssh_keys", "validation.max_items", "at most " + CreateVmService.MAX_SSH_KEYS + " keys",
                    CreateVmService.MAX_SSH_KEYS));
        } else {
            for (int i = 0; i < raw.size(); i++) {
                try {
                    keys.add(SshPublicKey.of("ssh_keys[" + i + "]", raw.get(i)).value());
                } catch (ValidationException e) {
                    errors.addAll(e.fieldErrors());
                }
            }
        }
        if (c.password() != null && !CreateVmService.validPassword(c.password())) {
            errors.add(FieldError.of("password", "validation.vm_password",
                    "must be 8 to 72 characters and mix at least two of letters, digits and symbols"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        requireInPve(vm);
        vm.requireAllowed(VmEvent.REINSTALL);
        tx.requireNoActiveOperation(id);
        vm.apply(VmEvent.REINSTALL, null, clock.instant());
        vm.changeTemplate(template.id(), clock.instant());
        vms.update(vm);
        Map<String, String> data = new HashMap<>();
        if (!keys.isEmpty()) {
            data.put(ProvisionSaga.SSH_KEYS, String.join("\n", keys));
        }
        if (c.password() != null && !c.password().isEmpty()) {
            data.put(ProvisionSaga.PASSWORD, cipher.encrypt(c.password()));
        }
        data.put(ReinstallSaga.OLD_VMID, Integer.toString(vm.placement().orElseThrow().vmid()));
        Operation op = Operation.start(vm.id(), actor.userId(), OperationType.REINSTALL, ReinstallSaga.STEPS, data, clock.instant());
        operations.insert(op);
        return new Changed(vm, op);
    }

    // --- helpers -------------------------------------------------------------------------------

    private static Placement requireInPve(Vm vm) {
        return vm.placement().filter(p -> p.vmid() != null).orElseThrow(() -> new StateConflictException(
                "error.vm.not_in_pve", "The VM has no guest in PVE", vm.status().wireName()));
    }

    private static GuestRef guest(Vm vm, Placement p) {
        return Guests.at(vm, p.pveNode(), p.vmid());
    }
}
