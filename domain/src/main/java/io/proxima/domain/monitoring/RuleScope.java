package io.proxima.domain.monitoring;

import io.proxima.domain.shared.ValidationException;
import java.util.Locale;
import java.util.UUID;

/**
 * What a rule applies to: one VM, one node, every VM of the rule's owner (every VM at all for an
 * administrator's rule), or every node.
 */
public record RuleScope(Kind kind, UUID targetId) {

    public enum Kind {
        VM, NODE, ALL_VMS, ALL_NODES;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }

        public boolean nodes() {
            return this == NODE || this == ALL_NODES;
        }
    }

    public RuleScope {
        if (kind == null) {
            throw ValidationException.of("scope_type", "validation.alert.scope", "must be one of vm, node, all_vms, all_nodes");
        }
        if ((kind == Kind.VM || kind == Kind.NODE) && targetId == null) {
            throw ValidationException.of("scope_id", "validation.required", "is required for scope " + kind.wireName());
        }
        if (kind == Kind.ALL_VMS || kind == Kind.ALL_NODES) {
            targetId = null;
        }
    }

    public static Kind parseKind(String raw) {
        if (raw != null) {
            try {
                return Kind.valueOf(raw.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException ignored) {
                // reported below
            }
        }
        throw ValidationException.of("scope_type", "validation.alert.scope", "must be one of vm, node, all_vms, all_nodes");
    }
}
