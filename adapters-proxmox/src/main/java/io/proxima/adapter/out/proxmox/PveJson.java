package io.proxima.adapter.out.proxmox;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;

/**
 * Tolerant reads of PVE's JSON. PVE is written in Perl: the same field arrives as a number or a
 * string, and flags as {@code 0}/{@code 1} or {@code "0"}/{@code "1"}. PVE's JSON is read as a
 * tree with its own mapper, so Proxima's global snake_case naming never touches it.
 */
final class PveJson {

    static final ObjectMapper MAPPER = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private PveJson() {
    }

    static String text(JsonNode n, String field) {
        JsonNode v = n == null ? null : n.get(field);
        if (v == null || v.isNull() || v.isMissingNode()) {
            return null;
        }
        return v.isTextual() ? v.textValue() : v.toString();
    }

    static long longOf(JsonNode n, String field, long fallback) {
        JsonNode v = n == null ? null : n.get(field);
        if (v == null || v.isNull()) {
            return fallback;
        }
        if (v.isNumber()) {
            return v.asLong();
        }
        if (v.isTextual()) {
            String t = v.textValue().trim();
            try {
                return t.contains(".") || t.contains("e") || t.contains("E") ? (long) Double.parseDouble(t) : Long.parseLong(t);
            } catch (NumberFormatException e) {
                return fallback;
            }
        }
        return fallback;
    }

    static Integer intOrNull(JsonNode n, String field) {
        long v = longOf(n, field, Long.MIN_VALUE);
        return v == Long.MIN_VALUE ? null : (int) v;
    }

    static double doubleOf(JsonNode n, String field, double fallback) {
        JsonNode v = n == null ? null : n.get(field);
        if (v == null || v.isNull()) {
            return fallback;
        }
        if (v.isNumber()) {
            return v.asDouble();
        }
        if (v.isTextual()) {
            try {
                return Double.parseDouble(v.textValue().trim());
            } catch (NumberFormatException e) {
                return fallback;
            }
        }
        return fallback;
    }

    static boolean flag(JsonNode n, String field) {
        JsonNode v = n == null ? null : n.get(field);
        if (v == null || v.isNull()) {
            return false;
        }
        if (v.isBoolean()) {
            return v.booleanValue();
        }
        if (v.isNumber()) {
            return v.asInt() != 0;
        }
        String t = v.asText().trim();
        return t.equals("1") || t.equalsIgnoreCase("true") || t.equalsIgnoreCase("on") || t.equalsIgnoreCase("yes");
    }

    static List<JsonNode> items(JsonNode array) {
        List<JsonNode> out = new ArrayList<>();
        if (array != null && array.isArray()) {
            array.forEach(out::add);
        }
        return out;
    }
}
