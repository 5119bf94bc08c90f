package io.proxima.adapter.out.persistence.vm;

import io.proxima.domain.vm.GuestType;
import io.proxima.domain.vm.Hostname;
import io.proxima.domain.vm.Placement;
import io.proxima.domain.vm.ResourceSpec;
import io.proxima.domain.vm.Vm;
import io.proxima.domain.vm.VmId;
import io.proxima.domain.vm.VmStatus;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

final class VmEntityMapper {

    private VmEntityMapper() {
    }

    static Vm toDomain(VmEntity e) {
        Placement placement = e.nodeId == null ? null : new Placement(e.nodeId, e.pveNode, e.vmid);
        return Vm.reconstitute(new VmId(e.id), e.ownerId, GuestType.valueOf(e.type.toUpperCase(Locale.ROOT)),
                new Hostname(e.hostname), e.planId, e.templateId, new ResourceSpec(e.cpuCores, e.memoryMb, e.diskGb),
                placement, splitIps(e.ipAddresses), VmStatus.valueOf(e.status.toUpperCase(Locale.ROOT)), e.statusReason,
                e.version, e.createdAt, e.updatedAt);
    }

    static void copy(Vm v, VmEntity e) {
        e.id = v.id().value();
        e.ownerId = v.ownerId();
        e.type = v.type().wireName();
        e.hostname = v.hostname().value();
        e.planId = v.planId();
        e.templateId = v.templateId();
        e.cpuCores = v.spec().cpuCores();
        e.memoryMb = v.spec().memoryMb();
        e.diskGb = v.spec().diskGb();
        e.nodeId = v.placement().map(Placement::nodeId).orElse(null);
        e.pveNode = v.placement().map(Placement::pveNode).orElse(null);
        e.vmid = v.placement().map(Placement::vmid).orElse(null);
        e.ipAddresses = String.join(",", v.ipAddresses());
        e.status = v.status().wireName();
        e.statusReason = v.statusReason();
        e.createdAt = v.createdAt();
        e.updatedAt = v.updatedAt();
    }

    static List<String> splitIps(String joined) {
        return joined == null || joined.isBlank() ? List.of() : Arrays.asList(joined.split(","));
    }
}
