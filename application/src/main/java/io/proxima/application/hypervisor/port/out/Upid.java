package io.proxima.application.hypervisor.port.out;

import java.time.Instant;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A PVE task id, {@code UPID:node:pid:pstart:starttime:type:id:user:}. The node in it is where
 * the task runs and where its status must be asked; for a clone the id is the <em>source</em> vmid.
 */
public record Upid(String raw, String node, long pid, long pstart, Instant startTime, String type, String id, String user) {

    private static final Pattern FORMAT = Pattern.compile(
            "^UPID:([a-zA-Z0-9]([a-zA-Z0-9\\-]*[a-zA-Z0-9])?):([0-9A-Fa-f]{8}):([0-9A-Fa-f]{8,9}):([0-9A-Fa-f]{8}):"
                    + "([^:\\s/]+):([^:\\s/]*):([^:\\s/]+):$");

    public Upid {
        Objects.requireNonNull(raw, "raw");
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(user, "user");
    }

    /** Parses PVE's UPID text; throws {@link IllegalArgumentException} for anything else. */
    public static Upid parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("UPID is null");
        }
        Matcher m = FORMAT.matcher(text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("not a UPID: " + text);
        }
        return new Upid(text.trim(), m.group(1), Long.parseLong(m.group(3), 16), Long.parseLong(m.group(4), 16),
                Instant.ofEpochSecond(Long.parseLong(m.group(5), 16)), m.group(6), m.group(7), m.group(8));
    }

    public static boolean isUpid(String text) {
        return text != null && FORMAT.matcher(text.trim()).matches();
    }

    @Override
    public String toString() {
        return raw;
    }
}
