package io.proxima.domain.vm;

import io.proxima.domain.shared.ValidationException;
import java.util.Locale;

/** QEMU virtual machine or LXC container: PVE manages them under different API paths. */
public enum GuestType {
    QEMU, LXC;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static GuestType parse(String field, String raw) {
        if (raw != null) {
            for (GuestType t : values()) {
                if (t.wireName().equalsIgnoreCase(raw.trim())) {
                    return t;
                }
            }
        }
        throw ValidationException.of(field, "validation.guest_type", "must be qemu or lxc");
    }
}
