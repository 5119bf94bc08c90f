package io.proxima.adapter.out.proxmox.simulator;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The parameter rules of one simulated endpoint, written as {@code "newid*:i name full:b net[n]"}
 * ({@code *} required, {@code :i} integer, {@code :b} boolean 0/1, {@code [n]} numbered keys).
 * Checked the way PVE's JSON schema does, with PVE's error texts, so an adapter mistake fails here
 * as it would on a real node.
 */
final class SimParams {

    private final Set<String> allowed = new HashSet<>();
    private final Set<String> required = new HashSet<>();
    private final Set<String> booleans = new HashSet<>();
    private final Set<String> integers = new HashSet<>();
    private final List<Pattern> numbered = new java.util.ArrayList<>();

    static SimParams of(String spec) {
        SimParams p = new SimParams();
        for (String token : spec.trim().split("\\s+")) {
            if (token.isEmpty()) {
                continue;
            }
            String type = "";
            int colon = token.indexOf(':');
            if (colon > 0) {
                type = token.substring(colon + 1);
                token = token.substring(0, colon);
            }
            boolean req = token.endsWith("*");
            String name = req ? token.substring(0, token.length() - 1) : token;
            if (name.endsWith("[n]")) {
                p.numbered.add(Pattern.compile(Pattern.quote(name.substring(0, name.length() - 3)) + "\\d+"));
                continue;
            }
            p.allowed.add(name);
            if (req) {
                p.required.add(name);
            }
            if (type.equals("b")) {
                p.booleans.add(name);
            } else if (type.equals("i")) {
                p.integers.add(name);
            }
        }
        return p;
    }

    /** PVE's verdict on the parameters: empty when they pass, else parameter name to error text. */
    Map<String, String> check(Map<String, String> params) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : params.entrySet()) {
            String k = e.getKey();
            String v = e.getValue();
            if (!allowed.contains(k) && numbered.stream().noneMatch(p -> p.matcher(k).matches())) {
                errors.put(k, "property is not defined in schema and the schema does not allow additional properties");
            } else if (booleans.contains(k) && !v.equals("0") && !v.equals("1")) {
                errors.put(k, "type check ('boolean') failed - got '" + v + "'");
            } else if (integers.contains(k) && !v.matches("-?\\d+")) {
                errors.put(k, "type check ('integer') failed - got '" + v + "'");
            } else if ((k.equals("vmid") || k.equals("newid")) && (!v.matches("\\d+") || Long.parseLong(v) < 100 || Long.parseLong(v) > 999_999_999L)) {
                errors.put(k, "value must have a minimum value of 100");
            } else if (v.isEmpty() && !k.equals("delete")) {
                errors.put(k, "value may not be empty");
            }
        }
        for (String r : required) {
            if (!params.containsKey(r)) {
                errors.put(r, "property is missing and it is not optional");
            }
        }
        return errors;
    }
}
