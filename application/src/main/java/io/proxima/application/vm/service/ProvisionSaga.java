package io.proxima.application.vm.service;

import io.proxima.application.hypervisor.PveAlreadyExistsException;
import io.proxima.application.hypervisor.PveGuestNotOursException;
import io.proxima.application.hypervisor.PveNotFoundException;
import io.proxima.application.hypervisor.PveTaskFailedException;
import io.proxima.application.hypervisor.port.out.CloneSpec;
import io.proxima.application.hypervisor.port.out.ConfigChange;
import io.proxima.application.hypervisor.port.out.CreatedGuest;
import io.proxima.application.hypervisor.port.out.GuestConfig;
import io.proxima.application.hypervisor.port.out.GuestRef;
import io.proxima.application.hypervisor.port.out.GuestType;
import io.proxima.application.hypervisor.port.out.Hypervisor;
import io.proxima.application.hypervisor.port.out.LxcCreateSpec;
import io.proxima.application.hypervisor.port.out.PowerAction;
import io.proxima.application.hypervisor.port.out.PowerState;
import io.proxima.application.hypervisor.port.out.Upid;
import io.proxima.application.shared.port.out.SecretCipher;
import io.proxima.application.vm.port.out.IpAddressRepository;
import io.proxima.application.vm.port.out.NodeDirectory;
import io.proxima.application.vm.port.out.TemplateRepository;
import io.proxima.application.vm.port.out.VmLifecycleListener;
import io.proxima.domain.shared.DomainException;
import io.proxima.domain.shared.ErrorCode;
import io.proxima.domain.vm.OperationType;
import io.proxima.domain.vm.Placement;
import io.proxima.domain.vm.Template;
import io.proxima.domain.vm.Vm;
import io.proxima.domain.vm.VmEvent;
import io.proxima.domain.vm.VmStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Provisioning as a saga: reserve (node, IP) → create (vmid recorded before the clone) → wait →
 * configure (size, cloud-init, ownership tag) → grow the disk → start → wait → running. A
 * permanent failure destroys whatever exists in PVE (only if it carries this VM's id), releases
 * the address, marks the VM {@code error} and tells billing, so nothing is charged for it.
 */
@ApplicationScoped
class ProvisionSaga implements Saga {

    static final String RESERVE = "reserve";
    static final String CREATE = "create";
    static final String AWAIT_CREATE = "await_create";
    static final String CONFIGURE = "configure";
    static final String RESIZE = "resize";
    static final String START = "start";
    static final String AWAIT_START = "await_start";
    static final String FINALIZE = "finalize";
    static final String DESTROY = "destroy";
    static final String RELEASE = "release";

    /** Keys of the operation's data, as written by the create use case and by the steps. */
    static final String LOCATION = "location";
    static final String SSH_KEYS = "ssh_keys";
    static final String PASSWORD = "password_enc";
    static final String VMID = "vmid";
    static final String CREATE_UPID = "create_upid";
    static final String START_UPID = "start_upid";

    private static final Duration CREATE_TIMEOUT = Duration.ofMinutes(10);
    private static final Duration SHORT_TIMEOUT = Duration.ofMinutes(2);
    private static final Pattern SIZE = Pattern.compile("(?:^|,)size=(\\d+(?:\\.\\d+)?)([KMGT]?)");
    private static final List<String> BOOT_DISKS = List.of("scsi0", "virtio0", "sata0", "ide0");

    private final Hypervisor hypervisor;
    private final NodeDirectory nodes;
    private final IpAddressRepository addresses;
    private final TemplateRepository templates;
    private final PlacementService placement;
    private final VmLifecycleListener lifecycle;
    private final SecretCipher cipher;

    @Inject
    ProvisionSaga(Hypervisor hypervisor, NodeDirectory nodes, IpAddressRepository addresses, TemplateRepository templates,
                  PlacementService placement, VmLifecycleListener lifecycle, SecretCipher cipher) {
        this.hypervisor = hypervisor;
        this.nodes = nodes;
        this.addresses = addresses;
        this.templates = templates;
        this.placement = placement;
        this.lifecycle = lifecycle;
        this.cipher = cipher;
    }

    @Override
    public OperationType type() {
        return OperationType.PROVISION;
    }

    @Override
    public List<String> steps() {
        return List.of(RESERVE, CREATE, AWAIT_CREATE, CONFIGURE, RESIZE, START, AWAIT_START, FINALIZE);
    }

    @Override
    public List<String> compensation() {
        return List.of(DESTROY, RELEASE);
    }

    @Override
    public StepOutcome run(String step, SagaRun run) {
        return switch (step) {
            case RESERVE -> reserve(run);
            case CREATE -> create(run);
            case AWAIT_CREATE -> awaitCreate(run);
            case CONFIGURE -> configure(run);
            case RESIZE -> resize(run);
            case START -> start(run);
            case AWAIT_START -> awaitStart(run);
            case FINALIZE -> finalizeRunning(run);
            case DESTROY -> destroy(run);
            case RELEASE -> release(run);
            default -> throw new IllegalStateException("unknown provisioning step " + step);
        };
    }

    private StepOutcome reserve(SagaRun run) {
        Vm vm = run.vm();
        if (vm.placement().isPresent()) {
            return StepOutcome.SKIPPED;
        }
        Template template = template(vm);
        placement.reserve(vm.id(), run.data(LOCATION), template.nodeId());
        return StepOutcome.DONE;
    }

    private StepOutcome create(SagaRun run) {
        Vm vm = run.vm();
        NodeDirectory.NodeTarget target = target(vm);
        String recorded = run.data(VMID);
        if (recorded != null) {
            // Resumed after a crash: find out whether our guest already exists at the recorded id.
            int vmid = Integer.parseInt(recorded);
            Optional<GuestConfig> existing = configOf(target, guest(vm, target, vmid));
            if (existing.isPresent() && vm.id().value().equals(existing.get().proximaVmId())) {
                return StepOutcome.SKIPPED; // created before the crash; await_create checks the lock
            }
            if (existing.isPresent()) {
                forgetVmid(run, vm); // someone else's guest took the id: pick another
            }
        }
        int vmid;
        if (run.data(VMID) != null) {
            vmid = Integer.parseInt(run.data(VMID));
        } else {
            vmid = placement.reserveVmid(vm.id(), hypervisor.nextFreeVmid(target.connection()));
            // Durable before PVE sees it, so a crash between the two cannot leave an unknown guest.
            run.checkpoint(VMID, Integer.toString(vmid));
        }
        Template template = template(vm);
        CreatedGuest created;
        try {
            created = vm.type() == io.proxima.domain.vm.GuestType.QEMU
                    ? hypervisor.cloneGuest(target.connection(), new CloneSpec(
                            GuestRef.qemu(target.pveNode(), template.pveVmid()), vmid, null, vm.hostname().value(),
                            vm.id().value(), true, null, null))
                    : hypervisor.createLxc(target.connection(), lxcSpec(run, vm, target, template, vmid));
        } catch (PveAlreadyExistsException taken) {
            forgetVmid(run, vm);
            throw new RestartFrom(CREATE, "vmid " + vmid + " was taken in the meantime");
        }
        run.checkpoint(CREATE_UPID, created.upid().raw());
        run.awaiting(created.upid());
        return StepOutcome.DONE;
    }

    private void forgetVmid(SagaRun run, Vm vm) {
        run.checkpoint(VMID, null);
        run.checkpoint(CREATE_UPID, null);
        placement.releaseVmid(vm.id());
    }

    private StepOutcome awaitCreate(SagaRun run) {
        Vm vm = run.vm();
        NodeDirectory.NodeTarget target = target(vm);
        String upid = run.data(CREATE_UPID);
        if (upid == null) {
            // The creation was accepted but its task id was lost in a crash: wait for the lock to go.
            GuestConfig config = hypervisor.config(target.connection(), guest(vm, target, vmid(run)));
            run.checkAgainUnless(config.lock().isEmpty(), CREATE_TIMEOUT, "guest " + vmid(run) + " stayed locked");
            return StepOutcome.DONE;
        }
        try {
            run.await(hypervisor, target.connection(), Upid.parse(upid), CREATE_TIMEOUT);
        } catch (PveTaskFailedException failed) {
            if (failed.kind() == PveTaskFailedException.Kind.ALREADY_EXISTS) {
                forgetVmid(run, vm);
                throw new RestartFrom(CREATE, "vmid taken while cloning");
            }
            throw failed;
        }
        return StepOutcome.DONE;
    }

    private StepOutcome configure(SagaRun run) {
        Vm vm = run.vm();
        NodeDirectory.NodeTarget target = target(vm);
        GuestRef guest = guest(vm, target, vmid(run));
        Template template = template(vm);
        ConfigChange.Builder change = ConfigChange.builder()
                .cores(vm.spec().cpuCores())
                .memoryMb(vm.spec().memoryMb());
        if (vm.type() == io.proxima.domain.vm.GuestType.QEMU) {
            change.name(vm.hostname().value());
            if (template.cloudInit()) {
                List<IpAddressRepository.Assigned> ips = addressesOf(vm);
                if (!ips.isEmpty()) {
                    IpAddressRepository.Assigned ip = ips.get(0);
                    change.ipConfig(0, ip.address() + "/" + ip.prefixLength(), ip.gateway());
                    if (!ip.dns().isEmpty()) {
                        change.nameservers(ip.dns());
                    }
                }
                String keys = run.data(SSH_KEYS);
                if (keys != null && !keys.isBlank()) {
                    change.sshKeys(Arrays.asList(keys.split("\n")));
                }
                String password = run.data(PASSWORD);
                if (password != null) {
                    change.ciPassword(cipher.decrypt(password));
                }
            }
        } else {
            change.hostname(vm.hostname().value());
        }
        // The clone carries our id in its description from the start: never write to a guest without it.
        Guests.requireOwned(hypervisor, target.connection(), guest, vm.id().value());
        run.maybeTask("config", hypervisor, target.connection(),
                () -> hypervisor.updateConfig(target.connection(), guest, change.build()), SHORT_TIMEOUT);
        run.maybeTask("tag", hypervisor, target.connection(),
                () -> hypervisor.tagAsOwned(target.connection(), guest, vm.id().value()), SHORT_TIMEOUT);
        // The password has reached PVE (which keeps only a hash); it is not kept here any longer.
        run.checkpoint(PASSWORD, null);
        return StepOutcome.DONE;
    }

    private StepOutcome resize(SagaRun run) {
        Vm vm = run.vm();
        NodeDirectory.NodeTarget target = target(vm);
        GuestRef guest = guest(vm, target, vmid(run));
        if (run.hasTask("resize")) {
            run.task("resize", hypervisor, target.connection(), SagaRun.alreadyStarted(), SHORT_TIMEOUT);
            return StepOutcome.DONE;
        }
        GuestConfig config = hypervisor.config(target.connection(), guest);
        Guests.requireOwned(config, vm.id().value());
        String disk = vm.type() == io.proxima.domain.vm.GuestType.LXC ? "rootfs"
                : BOOT_DISKS.stream().filter(d -> config.get(d).isPresent()).findFirst().orElse(null);
        if (disk == null) {
            throw new PermanentFailure("the template has no boot disk (scsi0, virtio0, sata0 or ide0)");
        }
        double currentGb = sizeGb(config.get(disk).orElse(""));
        if (currentGb >= vm.spec().diskGb()) {
            return StepOutcome.SKIPPED; // PVE cannot shrink, and there is nothing to grow
        }
        run.task("resize", hypervisor, target.connection(),
                () -> hypervisor.resizeDisk(target.connection(), guest, vm.id().value(), disk, vm.spec().diskGb() + "G"),
                SHORT_TIMEOUT);
        return StepOutcome.DONE;
    }

    private StepOutcome start(SagaRun run) {
        Vm vm = run.vm();
        NodeDirectory.NodeTarget target = target(vm);
        GuestRef guest = guest(vm, target, vmid(run));
        Guests.requireOwned(hypervisor, target.connection(), guest, vm.id().value());
        if (hypervisor.status(target.connection(), guest).state() == PowerState.RUNNING) {
            return StepOutcome.SKIPPED;
        }
        Upid upid = hypervisor.power(target.connection(), guest, PowerAction.START, vm.id().value());
        run.checkpoint(START_UPID, upid.raw());
        run.awaiting(upid);
        return StepOutcome.DONE;
    }

    private StepOutcome awaitStart(SagaRun run) {
        Vm vm = run.vm();
        NodeDirectory.NodeTarget target = target(vm);
        String upid = run.data(START_UPID);
        if (upid == null) {
            return StepOutcome.SKIPPED;
        }
        run.await(hypervisor, target.connection(), Upid.parse(upid), SHORT_TIMEOUT);
        return StepOutcome.DONE;
    }

    private StepOutcome finalizeRunning(SagaRun run) {
        // Billing first: if the first hour cannot be charged the guest is torn down (compensation)
        // instead of running unpaid. Starting the meter is idempotent, so a resumed step is safe.
        lifecycle.provisioned(run.vm());
        run.updateVm(v -> {
            if (v.status() == VmStatus.PROVISIONING) {
                v.apply(VmEvent.PROVISIONED_RUNNING, null, run.now());
            }
        });
        return StepOutcome.DONE;
    }

    // --- compensation ------------------------------------------------------------------------

    private StepOutcome destroy(SagaRun run) {
        Vm vm = run.vm();
        String recorded = run.data(VMID);
        if (vm.placement().isEmpty() || recorded == null) {
            return StepOutcome.SKIPPED; // nothing was ever created in PVE
        }
        NodeDirectory.NodeTarget target = target(vm);
        GuestRef guest = guest(vm, target, Integer.parseInt(recorded));
        try {
            GuestConfig config = hypervisor.config(target.connection(), guest);
            if (!vm.id().value().equals(config.proximaVmId())) {
                return StepOutcome.SKIPPED; // the vmid belongs to another guest: never touch it
            }
            if (!run.hasTask("stop") && !run.hasTask("destroy")) {
                run.checkAgainUnless(config.lock().isEmpty(), CREATE_TIMEOUT, "guest " + guest.vmid() + " stayed locked");
            }
            if (run.hasTask("stop") || hypervisor.status(target.connection(), guest).state() != PowerState.STOPPED) {
                run.task("stop", hypervisor, target.connection(),
                        () -> hypervisor.power(target.connection(), guest, PowerAction.STOP, vm.id().value()), SHORT_TIMEOUT);
            }
            run.task("destroy", hypervisor, target.connection(),
                    () -> hypervisor.destroy(target.connection(), guest, vm.id().value()), SHORT_TIMEOUT);
            return StepOutcome.DONE;
        } catch (PveNotFoundException | PveGuestNotOursException gone) {
            return StepOutcome.SKIPPED;
        }
    }

    private StepOutcome release(SagaRun run) {
        String reason = run.operation().error();
        Vm vm = run.updateVm(v -> {
            if (v.allows(VmEvent.FAIL)) {
                v.apply(VmEvent.FAIL, reason == null ? "provisioning failed" : reason, run.now());
            }
            // The guest is gone (or never was): its vmid and addresses are free for others.
            v.placement().ifPresent(p -> v.place(p.withVmid(null), List.of(), run.now()));
        });
        releaseAddresses(vm);
        lifecycle.provisioningFailed(vm, reason);
        return StepOutcome.DONE;
    }

    @Override
    public void failed(SagaRun run, String reason) {
        // Compensation finished (release ran) or itself failed: either way the VM must say error.
        Vm vm = run.vm();
        if (vm.status() == VmStatus.PROVISIONING) {
            run.updateVm(v -> v.apply(VmEvent.FAIL, "provisioning failed and cleanup did not finish: " + reason, run.now()));
        }
    }

    // --- helpers -------------------------------------------------------------------------------

    @Transactional
    Template template(Vm vm) {
        if (vm.templateId() == null) {
            throw new PermanentFailure("the VM has no template");
        }
        return templates.find(vm.templateId()).orElseThrow(() -> new PermanentFailure("template " + vm.templateId() + " no longer exists"));
    }

    @Transactional
    List<IpAddressRepository.Assigned> addressesOf(Vm vm) {
        return addresses.assignedTo(vm.id());
    }

    @Transactional
    void releaseAddresses(Vm vm) {
        addresses.releaseAll(vm.id());
    }

    private NodeDirectory.NodeTarget target(Vm vm) {
        Placement p = vm.placement().orElseThrow(() -> new DomainException(ErrorCode.INTERNAL, "error.internal", "VM is not placed yet"));
        return nodes.target(p.nodeId());
    }

    private static GuestRef guest(Vm vm, NodeDirectory.NodeTarget target, int vmid) {
        return new GuestRef(target.pveNode(), vmid,
                Guests.typeOf(vm));
    }

    private static int vmid(SagaRun run) {
        String v = run.data(VMID);
        if (v == null) {
            throw new RestartFrom(CREATE, "no vmid recorded");
        }
        return Integer.parseInt(v);
    }


    private Optional<GuestConfig> configOf(NodeDirectory.NodeTarget target, GuestRef guest) {
        try {
            return Optional.of(hypervisor.config(target.connection(), guest));
        } catch (PveNotFoundException e) {
            return Optional.empty();
        }
    }

    private LxcCreateSpec lxcSpec(SagaRun run, Vm vm, NodeDirectory.NodeTarget target, Template template, int vmid) {
        List<IpAddressRepository.Assigned> ips = addressesOf(vm);
        String ip = ips.isEmpty() ? null : ips.get(0).address() + "/" + ips.get(0).prefixLength();
        String gw = ips.isEmpty() ? null : ips.get(0).gateway();
        String keys = run.data(SSH_KEYS);
        String password = run.data(PASSWORD) == null ? null : cipher.decrypt(run.data(PASSWORD));
        return new LxcCreateSpec(target.pveNode(), vmid, vm.id().value(), vm.hostname().value(), template.ostemplate(),
                target.storage(), vm.spec().diskGb(), vm.spec().cpuCores(), vm.spec().memoryMb(), 512, target.bridge(),
                ip, gw, null, password, keys == null || keys.isBlank() ? List.of() : Arrays.asList(keys.split("\n")), true);
    }

    /** Size of a PVE disk option ({@code local-lvm:vm-100-disk-0,size=32G}) in GiB. */
    static double sizeGb(String diskOption) {
        Matcher m = SIZE.matcher(diskOption);
        if (!m.find()) {
            return 0;
        }
        double n = Double.parseDouble(m.group(1));
        return switch (m.group(2)) {
            case "T" -> n * 1024;
            case "M" -> n / 1024;
            case "K" -> n / (1024 * 1024);
            default -> n; // G, or bytes-less PVE default which is GiB for our purposes
        };
    }
}
