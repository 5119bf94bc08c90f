package io.proxima.adapter.in.rest.vm;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;

/** Request bodies of the VM context. Shapes are checked here; business rules in the use cases. */
final class VmRequests {

    private VmRequests() {
    }

    record CreateVmRequest(@NotBlank @Size(max = 253) String hostname, @NotNull UUID planId, @NotNull UUID templateId,
                           @Size(max = 10) List<@NotBlank @Size(max = 16384) String> sshKeys,
                           @Size(max = 72) String password, @Size(max = 64) String location) {
    }

    record ActionRequest(@NotBlank @Schema(enumeration = {"start", "stop", "shutdown", "restart", "reboot", "pause", "resume"})
                         String action) {
    }

    record UpdateVmRequest(@Size(max = 253) String hostname, UUID planId, Long version) {
    }

    record MigrateRequest(@NotNull UUID targetNodeId) {
    }

    record ReinstallRequest(@NotNull UUID templateId, Boolean confirm,
                            @Size(max = 10) List<@NotBlank @Size(max = 16384) String> sshKeys,
                            @Size(max = 72) String password) {
    }

    record SuspendRequest(@Size(max = 500) String reason) {
    }

    record NodeRequest(@NotBlank @Size(max = 63) String name, @NotBlank @Size(max = 63) String pveNode,
                       @NotBlank @Size(max = 255) String apiUrl, @NotBlank @Size(max = 255) String apiTokenId,
                       @Size(max = 255) String apiTokenSecret, @Size(max = 95) String tlsFingerprint, Boolean tlsInsecure,
                       @Size(max = 64) String location,
                       @DecimalMin("1.0") @DecimalMax("16.0") Double cpuOvercommit,
                       @DecimalMin("1.0") @DecimalMax("4.0") Double memoryOvercommit,
                       @Size(max = 64) String storage, @Size(max = 64) String bridge, Boolean enabled, Long version) {
    }

    record PlanRequest(@NotBlank @Size(max = 100) String name, @NotBlank @Schema(enumeration = {"qemu", "lxc"}) String type, @NotNull @Min(1) Integer cpuCores,
                       @NotNull @Min(64) Integer memoryMb, @NotNull @Min(1) Integer diskGb, @Min(0) Integer bandwidthGb,
                       @Min(0) @Max(100) Integer snapshotLimit, @NotBlank @Schema(pattern = "^-?[0-9]{1,12}(\\.[0-9]{1,4})?$", examples = "0.10") String priceHourly,
                       @NotBlank @Schema(pattern = "^-?[0-9]{1,12}(\\.[0-9]{1,4})?$", examples = "50.00") String priceMonthly,
                       @Size(min = 3, max = 3) String currency, Boolean active, Long version) {
    }

    record TemplateRequest(@NotBlank @Size(max = 100) String name, @NotBlank @Schema(enumeration = {"qemu", "lxc"}) String type, @NotBlank @Size(max = 32) String osFamily,
                           Integer pveVmid, @Size(max = 255) String ostemplate, UUID nodeId, @NotNull @Min(1) Integer minDiskGb,
                           Boolean cloudInit, Boolean active, Long version) {
    }

    record IpPoolRequest(@NotBlank @Size(max = 64) String name, UUID nodeId, @Size(max = 64) String location,
                         @NotBlank String cidr, @NotBlank String gateway, @Size(max = 1024) List<@NotBlank String> excluded,
                         @Size(max = 8) List<@NotBlank String> dns, Long version) {
    }
}
