package io.proxima.domain.vm;

import io.proxima.domain.shared.FieldError;
import io.proxima.domain.shared.ValidationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * An OS image guests are made from: a QEMU template (its vmid on a node) or an LXC ostemplate
 * volume. {@code nodeId} null means the same template exists on every node.
 */
public record Template(UUID id, String name, GuestType type, String osFamily, Integer pveVmid, String ostemplate,
                       UUID nodeId, int minDiskGb, boolean cloudInit, boolean active, long version) {

    // PVE volume ids look like local:vztmpl/debian-12-standard_12.7-1_amd64.tar.zst
    private static final Pattern VOLID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*:[A-Za-z0-9_./+-]+");

    public Template {
        Objects.requireNonNull(id, "id");
        List<FieldError> errors = new ArrayList<>();
        if (name == null || name.isBlank() || name.length() > 100) {
            errors.add(FieldError.of("name", "validation.length", "must be 1 to 100 characters", 1, 100));
        }
        if (type == null) {
            errors.add(FieldError.of("type", "validation.guest_type", "must be qemu or lxc"));
        } else if (type == GuestType.QEMU && (pveVmid == null || pveVmid < Placement.MIN_VMID || pveVmid > Placement.MAX_VMID)) {
            errors.add(FieldError.of("pve_vmid", "validation.template_vmid", "a QEMU template needs the template's vmid (100 or more)"));
        } else if (type == GuestType.LXC && (ostemplate == null || !VOLID.matcher(ostemplate).matches())) {
            errors.add(FieldError.of("ostemplate", "validation.ostemplate", "an LXC template needs a volume id such as local:vztmpl/debian-12.tar.zst"));
        }
        if (osFamily == null || osFamily.isBlank() || osFamily.length() > 32) {
            errors.add(FieldError.of("os_family", "validation.length", "must be 1 to 32 characters", 1, 32));
        }
        if (minDiskGb < 1 || minDiskGb > ResourceSpec.MAX_DISK_GB) {
            errors.add(FieldError.of("min_disk_gb", "validation.range", "must be between 1 and " + ResourceSpec.MAX_DISK_GB, 1, ResourceSpec.MAX_DISK_GB));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        if (type == GuestType.QEMU) {
            ostemplate = null;
        } else {
            pveVmid = null;
        }
    }

    public boolean availableOn(UUID node) {
        return nodeId == null || nodeId.equals(node);
    }
}
