package io.proxima.adapter.in.rest.vm;

import io.proxima.application.vm.port.out.VmReadRepository.VmView;
import io.proxima.domain.node.IpPool;
import io.proxima.domain.node.Ipv4Cidr;
import io.proxima.domain.node.Node;
import io.proxima.domain.vm.Operation;
import io.proxima.domain.vm.OperationStep;
import io.proxima.domain.vm.Plan;
import io.proxima.domain.vm.Template;
import io.proxima.domain.vm.Vm;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Response bodies of the VM context, in the field names of SPEC section 4. */
final class VmResponses {

    private VmResponses() {
    }

    record VmResponse(UUID id, Integer vmid, String node, String name, String hostname, String type, String status,
                      String statusReason, int cpuCores, int memoryMb, int diskGb, UUID planId, UUID templateId,
                      List<String> ipAddresses, UUID ownerId, Instant createdAt, Instant updatedAt, long version) {

        static VmResponse from(VmView v) {
            return new VmResponse(v.id(), v.vmid(), v.node(), v.hostname(), v.hostname(), v.type(), v.status(),
                    v.statusReason(), v.cpuCores(), v.memoryMb(), v.diskGb(), v.planId(), v.templateId(), v.ipAddresses(),
                    v.ownerId(), v.createdAt(), v.updatedAt(), v.version());
        }

        static VmResponse from(Vm v) {
            return new VmResponse(v.id().value(), v.placement().map(p -> p.vmid()).orElse(null),
                    v.placement().map(p -> p.pveNode()).orElse(null), v.hostname().value(), v.hostname().value(),
                    v.type().wireName(), v.status().wireName(), v.statusReason(), v.spec().cpuCores(), v.spec().memoryMb(),
                    v.spec().diskGb(), v.planId(), v.templateId(), v.ipAddresses(), v.ownerId(), v.createdAt(), v.updatedAt(),
                    v.version());
        }
    }

    record StepResponse(String name, String status, int attempts, String error, Instant startedAt, Instant finishedAt) {

        static StepResponse from(OperationStep s) {
            return new StepResponse(s.name(), s.state().wireName(), s.attempts(), s.error(), s.startedAt(), s.finishedAt());
        }
    }

    record OperationResponse(UUID id, String type, String status, List<StepResponse> steps, String error, UUID vmId,
                             Instant createdAt, Instant updatedAt, Instant finishedAt) {

        static OperationResponse from(Operation o) {
            return new OperationResponse(o.id(), o.type().wireName(), o.status().wireName(),
                    o.steps().stream().map(StepResponse::from).toList(), o.error(), o.vmId().value(), o.createdAt(),
                    o.updatedAt(), o.finishedAt());
        }
    }

    /** The 202 body of SPEC section 4: the VM and its operation. */
    record AcceptedResponse(VmResponse vm, OperationRef operation) {
    }

    record OperationRef(UUID id, String type, String status) {

        static OperationRef from(Operation o) {
            return new OperationRef(o.id(), o.type().wireName(), o.status().wireName());
        }
    }

    record NodeResponse(UUID id, String name, String pveNode, String apiUrl, String apiTokenId, String tlsFingerprint,
                        boolean tlsInsecure, String location, double cpuOvercommit, double memoryOvercommit, String storage,
                        String bridge, boolean enabled, String status, Instant lastHeartbeat, long totalMemoryMb,
                        int totalCores, String pveVersion, long version, Instant createdAt, Instant updatedAt) {

        /** The token secret is write-only: it never appears here. */
        static NodeResponse from(Node n) {
            Node.Settings s = n.settings();
            return new NodeResponse(n.id(), s.name(), s.pveNode(), s.apiUrl(), s.apiTokenId(), s.tlsFingerprint(),
                    s.tlsInsecure(), s.location(), s.cpuOvercommit(), s.memoryOvercommit(), s.storage(), s.bridge(),
                    s.enabled(), n.status().wireName(), n.lastHeartbeatAt(), n.totalMemoryMb(), n.totalCores(),
                    n.pveVersion(), n.version(), n.createdAt(), n.updatedAt());
        }
    }

    record PlanResponse(UUID id, String name, String type, int cpuCores, int memoryMb, int diskGb, int bandwidthGb,
                        int snapshotLimit, String priceHourly, String priceMonthly, String currency, boolean active,
                        long version) {

        static PlanResponse from(Plan p) {
            return new PlanResponse(p.id(), p.name(), p.type().wireName(), p.spec().cpuCores(), p.spec().memoryMb(),
                    p.spec().diskGb(), p.bandwidthGb(), p.snapshotLimit(), p.priceHourly().toPlainString(),
                    p.priceMonthly().toPlainString(), p.priceHourly().currencyCode(), p.active(), p.version());
        }
    }

    record TemplateResponse(UUID id, String name, String type, String osFamily, Integer pveVmid, String ostemplate,
                            UUID nodeId, int minDiskGb, boolean cloudInit, boolean active, long version) {

        static TemplateResponse from(Template t) {
            return new TemplateResponse(t.id(), t.name(), t.type().wireName(), t.osFamily(), t.pveVmid(), t.ostemplate(),
                    t.nodeId(), t.minDiskGb(), t.cloudInit(), t.active(), t.version());
        }
    }

    record IpPoolResponse(UUID id, String name, UUID nodeId, String location, String cidr, String gateway,
                          List<String> excluded, List<String> dns, long assigned, long capacity, long version) {

        static IpPoolResponse from(IpPool p, long assigned) {
            return new IpPoolResponse(p.id(), p.name(), p.nodeId(), p.location(), p.cidr().toString(),
                    Ipv4Cidr.format(p.gateway()), p.excluded().stream().sorted(Integer::compareUnsigned).map(Ipv4Cidr::format).toList(),
                    p.dns(), assigned, p.capacity(), p.version());
        }
    }
}
