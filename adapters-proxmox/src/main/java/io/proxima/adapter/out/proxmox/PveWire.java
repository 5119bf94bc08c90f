package io.proxima.adapter.out.proxmox;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** PVE's wire-format rules in one place: percent-encoding of path segments, query and form values, and the sshkeys quirk. */
final class PveWire {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private PveWire() {
    }

    /**
     * Percent-encodes everything except RFC 3986 unreserved characters. Spaces become {@code %20}
     * (never {@code +}), which both form and path decoding read the same way.
     */
    static String encode(String s) {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        StringBuilder sb = new StringBuilder(bytes.length + 8);
        for (byte b : bytes) {
            int c = b & 0xFF;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' || c == '~') {
                sb.append((char) c);
            } else {
                sb.append('%').append(HEX[c >> 4]).append(HEX[c & 0xF]);
            }
        }
        return sb.toString();
    }

    /**
     * PVE runs {@code uri_unescape} on QEMU's {@code sshkeys} after form decoding and stores the
     * value encoded, so keys must be percent-encoded once here and once more by the form encoding.
     */
    static String encodeSshKeys(String keysOnePerLine) {
        return encode(keysOnePerLine);
    }

    static String encodeSshKeys(List<String> keys) {
        return encode(String.join("\n", keys));
    }

    /** {@code /a/b/c} from raw segments, each percent-encoded (a UPID's colons and {@code !} included). */
    static String path(Object... segments) {
        StringBuilder sb = new StringBuilder();
        for (Object s : segments) {
            sb.append('/').append(encode(String.valueOf(s)));
        }
        return sb.toString();
    }

    static String bool(boolean b) {
        return b ? "1" : "0";
    }
}
