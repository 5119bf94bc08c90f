package io.proxima.application.vm.service;

import io.proxima.application.hypervisor.port.out.PveNodeConnection;
import io.proxima.application.hypervisor.port.out.PveTlsTrust;
import io.proxima.application.shared.port.out.SecretCipher;
import io.proxima.application.vm.port.out.IpAddressRepository;
import io.proxima.application.vm.port.out.NodeDirectory;
import io.proxima.application.vm.port.out.OperationRepository;
import io.proxima.application.vm.port.out.TemplateRepository;
import io.proxima.application.vm.port.out.VmLifecycleListener;
import io.proxima.application.vm.port.out.VmRepository;
import io.proxima.domain.node.NodeCapacity;
import io.proxima.domain.shared.StaleVersionException;
import io.proxima.domain.vm.Operation;
import io.proxima.domain.vm.Template;
import io.proxima.domain.vm.Vm;
import io.proxima.domain.vm.VmId;
import io.proxima.domain.vm.VmStatus;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * In-memory versions of every out-port the VM services use. Stored objects are copies, so a
 * runner that "crashes" without saving leaves the store as the database would be.
 */
final class InMemoryVmStore {

    static final class MutableClock extends Clock {
        Instant now = Instant.parse("2026-05-01T12:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }

        void advance(java.time.Duration d) {
            now = now.plus(d);
        }
    }

    final MutableClock clock = new MutableClock();
    final Map<VmId, Vm> vms = new HashMap<>();
    final Map<UUID, Operation> operations = new HashMap<>();
    final Map<UUID, String> leaseHolder = new HashMap<>();
    final Map<UUID, Instant> leaseUntil = new HashMap<>();
    final Map<String, VmId> addressHolders = new HashMap<>();
    final List<String> poolAddresses = new ArrayList<>(List.of("198.51.100.10", "198.51.100.11", "198.51.100.12"));
    final Map<UUID, Template> templates = new HashMap<>();
    final List<String> lifecycleEvents = new ArrayList<>();
    /** Meter pauses and resumptions ({@code out:<vm>}, {@code in:<vm>}), apart from the lifecycle events above. */
    final List<String> meterEvents = new ArrayList<>();
    final UUID nodeId = UUID.randomUUID();
    long nodeMemoryMb = 65536;

    static Vm copy(Vm v, long version) {
        return Vm.reconstitute(v.id(), v.ownerId(), v.type(), v.hostname(), v.planId(), v.templateId(), v.spec(),
                v.placement().orElse(null), v.ipAddresses(), v.status(), v.statusReason(), version, v.createdAt(), v.updatedAt());
    }

    static io.proxima.application.vm.port.out.VmReadRepository.VmView view(Vm v) {
        var p = v.placement().orElse(null);
        return new io.proxima.application.vm.port.out.VmReadRepository.VmView(v.id().value(), p == null ? null : p.vmid(),
                p == null ? null : p.pveNode(), p == null ? null : p.nodeId(), v.hostname().value(),
                v.type().name().toLowerCase(java.util.Locale.ROOT), v.status().wireName(), v.statusReason(),
                v.spec().cpuCores(), v.spec().memoryMb(), v.spec().diskGb(), v.planId(), v.templateId(), v.ipAddresses(),
                v.ownerId(), v.createdAt(), v.updatedAt(), v.version());
    }

    static Operation copy(Operation o, long version) {
        return Operation.reconstitute(o.id(), o.vmId(), o.requestedBy(), o.type(), o.steps(), o.data(), o.status(),
                o.currentIndex(), o.compensating(), o.error(), o.nextRunAt(), o.createdAt(), o.updatedAt(), o.finishedAt(), version);
    }

    final VmRepository vmRepository = new VmRepository() {
        @Override
        public synchronized Optional<Vm> find(VmId id) {
            return Optional.ofNullable(vms.get(id)).map(v -> copy(v, v.version()));
        }

        @Override
        public synchronized void insert(Vm vm) {
            vms.put(vm.id(), copy(vm, 0));
        }

        @Override
        public synchronized void update(Vm vm) {
            Vm stored = vms.get(vm.id());
            if (stored.version() != vm.version()) {
                throw new StaleVersionException("VM", vm.version(), stored.version());
            }
            vms.put(vm.id(), copy(vm, vm.version() + 1));
        }
    };

    final OperationRepository operationRepository = new OperationRepository() {
        @Override
        public synchronized void insert(Operation operation) {
            operations.put(operation.id(), copy(operation, 0));
        }

        @Override
        public synchronized Optional<Operation> find(UUID id) {
            return Optional.ofNullable(operations.get(id)).map(o -> copy(o, o.version()));
        }

        @Override
        public synchronized Optional<Operation> findActive(VmId vmId) {
            return operations.values().stream().filter(o -> o.vmId().equals(vmId) && !o.status().finished()).findFirst();
        }

        @Override
        public synchronized List<UUID> claimDue(String worker, Instant now, Instant until, int limit) {
            List<UUID> out = new ArrayList<>();
            for (Operation o : operations.values()) {
                boolean due = !o.status().finished() && (o.nextRunAt() == null || !o.nextRunAt().isAfter(now));
                Instant lease = leaseUntil.get(o.id());
                boolean free = lease == null || lease.isBefore(now);
                if (due && free && out.size() < limit) {
                    leaseHolder.put(o.id(), worker);
                    leaseUntil.put(o.id(), until);
                    out.add(o.id());
                }
            }
            return out;
        }

        @Override
        public synchronized boolean saveIfHeld(Operation operation, String worker, Instant until) {
            if (!worker.equals(leaseHolder.get(operation.id()))) {
                return false;
            }
            operations.put(operation.id(), copy(operation, operation.version() + 1));
            leaseUntil.put(operation.id(), until);
            return true;
        }

        @Override
        public synchronized int renew(java.util.Collection<UUID> ids, String worker, Instant until) {
            int n = 0;
            for (UUID id : ids) {
                if (worker.equals(leaseHolder.get(id))) {
                    leaseUntil.put(id, until);
                    n++;
                }
            }
            return n;
        }

        @Override
        public synchronized void release(UUID id, String worker) {
            if (worker.equals(leaseHolder.get(id))) {
                leaseHolder.remove(id);
                leaseUntil.remove(id);
            }
        }
    };

    final NodeDirectory nodeDirectory = new NodeDirectory() {
        @Override
        public NodeTarget target(UUID id) {
            return new NodeTarget(id, "pve1", PveNodeConnection.withToken("http://127.0.0.1:8006", "root@pam!t", "s",
                    PveTlsTrust.system()), "local-lvm", "vmbr0");
        }

        @Override
        public List<NodeCapacity> capacities() {
            long reserved = vms.values().stream()
                    .filter(v -> v.placement().isPresent() && v.status() != VmStatus.DELETED)
                    .mapToLong(v -> v.spec().memoryMb()).sum();
            return List.of(new NodeCapacity(nodeId, "pve1", "eu", true, true, nodeMemoryMb, 1.0, 32, 4.0, reserved, 0));
        }

        @Override
        public void lockPlacement() {
        }
    };

    final IpAddressRepository ipRepository = new IpAddressRepository() {
        @Override
        public synchronized Optional<Assigned> assign(UUID node, VmId vmId) {
            for (var e : addressHolders.entrySet()) {
                if (e.getValue().equals(vmId)) {
                    return Optional.of(new Assigned(UUID.randomUUID(), e.getKey(), 24, "198.51.100.1", List.of("1.1.1.1")));
                }
            }
            for (String a : poolAddresses) {
                if (!addressHolders.containsKey(a)) {
                    addressHolders.put(a, vmId);
                    return Optional.of(new Assigned(UUID.randomUUID(), a, 24, "198.51.100.1", List.of("1.1.1.1")));
                }
            }
            return Optional.empty();
        }

        @Override
        public synchronized List<Assigned> assignedTo(VmId vmId) {
            return addressHolders.entrySet().stream().filter(e -> e.getValue().equals(vmId))
                    .map(e -> new Assigned(UUID.randomUUID(), e.getKey(), 24, "198.51.100.1", List.of("1.1.1.1"))).toList();
        }

        @Override
        public synchronized void releaseAll(VmId vmId) {
            addressHolders.values().removeIf(v -> v.equals(vmId));
        }
    };

    final io.proxima.application.vm.port.out.VmReadRepository readRepository = new io.proxima.application.vm.port.out.VmReadRepository() {
        @Override
        public synchronized java.util.Set<Integer> vmidsInCluster(UUID node) {
            java.util.Set<Integer> out = new java.util.HashSet<>();
            vms.values().forEach(v -> v.placement().map(p -> p.vmid()).filter(java.util.Objects::nonNull)
                    .filter(x -> v.status() != VmStatus.DELETED).ifPresent(out::add));
            return out;
        }

        @Override
        public io.proxima.application.shared.Page<VmView> list(VmFilter filter, io.proxima.application.shared.PageRequest page, String sort) {
            throw new AssertionError("not used by the saga tests");
        }

        @Override
        public Optional<VmView> find(UUID id) {
            throw new AssertionError("not used by the saga tests");
        }

        @Override
        public io.proxima.application.shared.Page<Operation> operations(UUID vmId, UUID ownerId, String type, String status,
                                                                       io.proxima.application.shared.PageRequest page) {
            throw new AssertionError("not used by the saga tests");
        }

        @Override
        public synchronized List<VmView> placedOn(java.util.Collection<UUID> nodeIds) {
            List<VmView> out = new ArrayList<>();
            for (Vm v : vms.values()) {
                var p = v.placement().orElse(null);
                if (p != null && p.vmid() != null && nodeIds.contains(p.nodeId()) && v.status() != VmStatus.DELETED) {
                    out.add(view(v));
                }
            }
            return out;
        }

        @Override
        public synchronized java.util.Set<UUID> busyVms() {
            java.util.Set<UUID> out = new java.util.HashSet<>();
            operations.values().stream().filter(o -> !o.status().finished()).forEach(o -> out.add(o.vmId().value()));
            return out;
        }

        @Override
        public Optional<OwnedOperation> operation(UUID id) {
            throw new AssertionError("not used by the saga tests");
        }
    };

    final TemplateRepository templateRepository = new TemplateRepository() {
        @Override
        public Optional<Template> find(UUID id) {
            return Optional.ofNullable(templates.get(id));
        }

        @Override
        public List<Template> list(boolean activeOnly) {
            return List.copyOf(templates.values());
        }

        @Override
        public void insert(Template template) {
            templates.put(template.id(), template);
        }

        @Override
        public void update(Template template) {
            templates.put(template.id(), template);
        }
    };

    final VmLifecycleListener lifecycle = new VmLifecycleListener() {
        @Override
        public void provisioned(Vm vm) {
            lifecycleEvents.add("provisioned:" + vm.id());
        }

        @Override
        public void provisioningFailed(Vm vm, String reason) {
            lifecycleEvents.add("failed:" + vm.id());
        }

        @Override
        public void deleted(Vm vm) {
            lifecycleEvents.add("deleted:" + vm.id());
        }

        @Override
        public void suspended(Vm vm, String reason) {
            lifecycleEvents.add("suspended:" + vm.id());
        }

        @Override
        public void unsuspended(Vm vm) {
            lifecycleEvents.add("unsuspended:" + vm.id());
        }

        @Override
        public void outOfService(Vm vm, String reason) {
            meterEvents.add("out:" + vm.id());
        }

        @Override
        public void inServiceAgain(Vm vm) {
            meterEvents.add("in:" + vm.id());
        }
    };

    /** Reversible and obviously not secure: the saga only needs the round trip. */
    final SecretCipher cipher = new SecretCipher() {
        @Override
        public String encrypt(String plaintext) {
            return "enc:" + new StringBuilder(plaintext).reverse();
        }

        @Override
        public String decrypt(String ciphertext) {
            return new StringBuilder(ciphertext.substring(4)).reverse().toString();
        }
    };
}
