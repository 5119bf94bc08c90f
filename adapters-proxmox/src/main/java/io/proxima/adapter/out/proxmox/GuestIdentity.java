package io.proxima.adapter.out.proxmox;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a guest carries Proxima's VM id: a tag {@code proxima-<uuid>} (visible in
 * {@code /cluster/resources}, so reconciliation needs no per-guest call) and a description line
 * {@code proxima-vm-id: <uuid>} (set by clone and create themselves, so the guest is marked from
 * its first moment, before any tag can be written).
 */
final class GuestIdentity {

    static final String TAG_PREFIX = "proxima-";
    static final String DESCRIPTION_KEY = "proxima-vm-id:";
    private static final Pattern IN_DESCRIPTION = Pattern.compile("proxima-vm-id:\\s*([0-9a-fA-F\\-]{36})");

    private GuestIdentity() {
    }

    static String tag(UUID id) {
        return TAG_PREFIX + id.toString().toLowerCase(Locale.ROOT);
    }

    static String description(UUID id) {
        return "Managed by Proxima; do not edit the next line.\n" + DESCRIPTION_KEY + " " + id;
    }

    static Optional<UUID> fromTags(Collection<String> tags) {
        for (String t : tags) {
            if (t.startsWith(TAG_PREFIX) && t.length() == TAG_PREFIX.length() + 36) {
                try {
                    return Optional.of(UUID.fromString(t.substring(TAG_PREFIX.length())));
                } catch (IllegalArgumentException ignored) {
                    // a tag that only looks like ours
                }
            }
        }
        return Optional.empty();
    }

    static Optional<UUID> fromDescription(String description) {
        if (description == null) {
            return Optional.empty();
        }
        Matcher m = IN_DESCRIPTION.matcher(description);
        if (m.find()) {
            try {
                return Optional.of(UUID.fromString(m.group(1)));
            } catch (IllegalArgumentException ignored) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }
}
