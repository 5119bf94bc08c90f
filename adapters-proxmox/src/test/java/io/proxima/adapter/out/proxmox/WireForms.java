package io.proxima.adapter.out.proxmox;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Decodes a form body or query string the way PVE's server does (one round of URL decoding). */
final class WireForms {

    private WireForms() {
    }

    static Map<String, String> decode(String encoded) {
        Map<String, String> out = new LinkedHashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return out;
        }
        for (String pair : encoded.split("&")) {
            int eq = pair.indexOf('=');
            String k = eq < 0 ? pair : pair.substring(0, eq);
            String v = eq < 0 ? "" : pair.substring(eq + 1);
            out.put(URLDecoder.decode(k, StandardCharsets.UTF_8), URLDecoder.decode(v, StandardCharsets.UTF_8));
        }
        return out;
    }

    static Map<String, String> query(String url) {
        int q = url.indexOf('?');
        return q < 0 ? Map.of() : decode(url.substring(q + 1));
    }
}
