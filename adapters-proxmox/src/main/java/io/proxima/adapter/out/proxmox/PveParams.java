package io.proxima.adapter.out.proxmox;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Ordered request parameters in PVE's text forms (booleans {@code 1}/{@code 0}, numbers as
 * decimal text). The same encoding serves the query string of GET/DELETE and the form body of
 * POST/PUT.
 */
final class PveParams {

    private final Map<String, String> values = new LinkedHashMap<>();

    static PveParams create() {
        return new PveParams();
    }

    PveParams add(String key, String value) {
        if (value != null) {
            values.put(key, value);
        }
        return this;
    }

    PveParams add(String key, Integer value) {
        return value == null ? this : add(key, Integer.toString(value));
    }

    PveParams flag(String key, boolean value) {
        return add(key, PveWire.bool(value));
    }

    /** Adds the flag only when true, so defaults stay PVE's. */
    PveParams flagIfTrue(String key, boolean value) {
        return value ? flag(key, true) : this;
    }

    boolean isEmpty() {
        return values.isEmpty();
    }

    Map<String, String> asMap() {
        return Collections.unmodifiableMap(values);
    }

    String encode() {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, String> e : values.entrySet()) {
            if (sb.length() > 0) {
                sb.append('&');
            }
            sb.append(PveWire.encode(e.getKey())).append('=').append(PveWire.encode(e.getValue()));
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        Map<String, String> shown = new LinkedHashMap<>(values);
        for (String secret : new String[] {"password", "cipassword"}) {
            shown.computeIfPresent(secret, (k, v) -> "***");
        }
        return shown.toString();
    }
}
