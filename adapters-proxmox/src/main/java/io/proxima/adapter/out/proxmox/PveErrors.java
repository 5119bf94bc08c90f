package io.proxima.adapter.out.proxmox;

import com.fasterxml.jackson.databind.JsonNode;
import io.proxima.application.hypervisor.PveAlreadyExistsException;
import io.proxima.application.hypervisor.PveAuthenticationException;
import io.proxima.application.hypervisor.PveConfigModifiedException;
import io.proxima.application.hypervisor.PveException;
import io.proxima.application.hypervisor.PveGuestStateException;
import io.proxima.application.hypervisor.PveLockTimeoutException;
import io.proxima.application.hypervisor.PveLockedException;
import io.proxima.application.hypervisor.PveNotFoundException;
import io.proxima.application.hypervisor.PveParameterException;
import io.proxima.application.hypervisor.PvePermissionException;
import io.proxima.application.hypervisor.PveTaskFailedException;
import io.proxima.application.hypervisor.PveUnreachableException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a PVE error answer into a typed exception. PVE signals most guest errors as HTTP 500
 * with the text in the reason phrase (and, since libpve-http-server-perl 5.2.0, in
 * {@code message}); "not found" is a 500 whose text says {@code does not exist}. The text
 * patterns are PVE's own messages (qemu-server, pve-container, pve-guest-common, pve-cluster).
 */
final class PveErrors {

    private static final Pattern LOCKED = Pattern.compile("(?:VM|CT) is locked \\(([^)]*)\\)");

    private PveErrors() {
    }

    static PveException decode(int status, String reason, String body) {
        String message = null;
        Map<String, String> errors = new LinkedHashMap<>();
        if (body != null && !body.isBlank()) {
            try {
                JsonNode root = PveJson.MAPPER.readTree(body);
                if (root != null && root.isObject()) {
                    message = PveJson.text(root, "message");
                    JsonNode e = root.get("errors");
                    if (e != null && e.isObject()) {
                        e.fields().forEachRemaining(f -> errors.put(f.getKey(), f.getValue().asText().trim()));
                    }
                }
            } catch (Exception ignored) {
                // not JSON (a proxy's HTML page, a truncated body): the reason phrase is all we have
            }
        }
        String text = (message == null || message.isBlank() ? (reason == null ? "" : reason) : message).trim();
        if (status == 401) {
            return new PveAuthenticationException(text.isEmpty() ? "authentication failed" : text, status);
        }
        if (status == 403) {
            return new PvePermissionException(text, status);
        }
        if (status >= 595 && status <= 599) {
            return new PveUnreachableException(text, status);
        }
        if (status == 400) {
            for (String v : errors.values()) {
                if (v.contains("already exists")) {
                    return new PveAlreadyExistsException(v, status);
                }
            }
            if (text.contains("no such task")) {
                return new PveNotFoundException(text, status);
            }
            return new PveParameterException(text, status, errors);
        }
        PveException byText = classify(text, status);
        if (byText != null) {
            return byText;
        }
        // A 5xx PVE has no words for (a proxy's 502/503/504, pveproxy restarting, "got timeout"):
        // passing by nature, so it is reported as the node being unreachable for now (501 "not
        // implemented" is PVE's word for an unknown method: permanent).
        if (status >= 500 && status != 501 && (status != 500 || transientText(text) || text.isEmpty())) {
            return new PveUnreachableException(text.isEmpty() ? "HTTP " + status : text, status);
        }
        return new PveException(text, status);
    }

    /** The typed exception a PVE error text stands for, or null when the text is not one Proxima distinguishes. */
    static PveException classify(String text, int status) {
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.contains("can't lock file") || lower.contains("got timeout") && lower.contains("lock")) {
            return new PveLockTimeoutException(text, status);
        }
        Matcher locked = LOCKED.matcher(text);
        if (locked.find()) {
            return new PveLockedException(text, status, locked.group(1));
        }
        if (lower.contains("detected modified configuration") || lower.contains("digest")) {
            return new PveConfigModifiedException(text, status);
        }
        if (lower.contains("already exists")) {
            return new PveAlreadyExistsException(text, status);
        }
        if (lower.contains("does not exist") || lower.contains("no such")) {
            return new PveNotFoundException(text, status);
        }
        if (lower.contains("already running") || lower.contains("not running") || lower.contains("is running")
                || lower.contains("is paused") || lower.contains("is a template")) {
            return new PveGuestStateException(text, status);
        }
        return null;
    }

    /**
     * Texts of faults that pass by themselves: storage or network hiccups, cluster filesystem
     * timeouts, a peer that reset the connection. A task or an HTTP 5xx failing with one of them is
     * retried; anything else is taken at its word.
     */
    private static final List<String> TRANSIENT_TEXTS = List.of("got timeout", "timeout", "timed out",
            "connection reset", "connection refused", "broken pipe", "temporarily unavailable", "temporary failure",
            "try again", "no quorum", "cfs-lock", "unable to connect", "service unavailable");

    static boolean transientText(String text) {
        String lower = text == null ? "" : text.toLowerCase(Locale.ROOT);
        return TRANSIENT_TEXTS.stream().anyMatch(lower::contains);
    }

    /** The meaning of a failed task's exit status. */
    static PveTaskFailedException.Kind taskKind(String exitStatus) {
        PveException e = classify(exitStatus == null ? "" : exitStatus, 0);
        if (e instanceof PveAlreadyExistsException) {
            return PveTaskFailedException.Kind.ALREADY_EXISTS;
        }
        if (e instanceof PveLockTimeoutException) {
            return PveTaskFailedException.Kind.LOCK_TIMEOUT;
        }
        if (e instanceof PveLockedException) {
            return PveTaskFailedException.Kind.LOCKED;
        }
        if (e instanceof PveGuestStateException) {
            return PveTaskFailedException.Kind.GUEST_STATE;
        }
        if (e instanceof PveNotFoundException) {
            return PveTaskFailedException.Kind.NOT_FOUND;
        }
        return transientText(exitStatus) ? PveTaskFailedException.Kind.TRANSIENT : PveTaskFailedException.Kind.OTHER;
    }
}
