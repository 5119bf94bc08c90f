package io.proxima.adapter.in.rest.common;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The HTTP methods each resource path answers, for the {@code Allow} header of a 405 (RFC 9110
 * requires it; Quarkus REST leaves it out). Built once from the resource classes' JAX-RS
 * annotations, so new resources are covered without registration.
 */
@ApplicationScoped
public class AllowedMethods {

    private record Route(Pattern path, String method) {
    }

    @Inject
    BeanManager beans;

    private volatile List<Route> routes;

    /** The methods allowed on {@code path}, with HEAD for GET and OPTIONS; empty when no resource matches. */
    public Set<String> on(String path) {
        Set<String> out = new TreeSet<>();
        String p = path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        for (Route r : routes()) {
            if (r.path().matcher(p).matches()) {
                out.add(r.method());
            }
        }
        if (out.contains("GET")) {
            out.add("HEAD");
        }
        if (!out.isEmpty()) {
            out.add("OPTIONS");
        }
        return out;
    }

    private List<Route> routes() {
        List<Route> r = routes;
        if (r == null) {
            r = new ArrayList<>();
            for (Bean<?> bean : beans.getBeans(Object.class, Any.Literal.INSTANCE)) {
                Class<?> type = bean.getBeanClass();
                Path base = type.getAnnotation(Path.class);
                if (base == null) {
                    continue;
                }
                for (Method m : type.getMethods()) {
                    String http = httpMethod(m);
                    if (http != null) {
                        Path sub = m.getAnnotation(Path.class);
                        r.add(new Route(template(base.value() + "/" + (sub == null ? "" : sub.value())), http));
                    }
                }
            }
            routes = r;
        }
        return r;
    }

    private static String httpMethod(Method m) {
        for (Annotation a : m.getAnnotations()) {
            HttpMethod http = a.annotationType().getAnnotation(HttpMethod.class);
            if (http != null) {
                return http.value();
            }
        }
        return null;
    }

    /** {@code /api/v1//vms/{id}/} to a pattern: one segment per parameter, no doubled or trailing slash. */
    static Pattern template(String raw) {
        String t = raw.replaceAll("/+", "/");
        if (t.length() > 1 && t.endsWith("/")) {
            t = t.substring(0, t.length() - 1);
        }
        if (!t.startsWith("/")) {
            t = "/" + t;
        }
        StringBuilder regex = new StringBuilder();
        int i = 0;
        while (i < t.length()) {
            int open = t.indexOf('{', i);
            if (open < 0) {
                regex.append(Pattern.quote(t.substring(i)));
                break;
            }
            regex.append(Pattern.quote(t.substring(i, open)));
            int close = t.indexOf('}', open);
            regex.append("[^/]+");
            i = close < 0 ? t.length() : close + 1;
        }
        return Pattern.compile(regex.toString());
    }
}
