package io.proxima.adapter.in.rest.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.proxima.domain.shared.ErrorCode;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Checks the request line before routing. A path segment that is {@code .} or {@code ..} once
 * percent-decoded ({@code /vms/{id}/snapshots/%2e%2e}) is refused with 400: the router
 * normalises such paths, so without this check the request reaches another resource (there,
 * {@code DELETE /vms/{id}}). A NUL character in the path or a query parameter is refused too
 * (400 for the path, 422 naming the parameter): PostgreSQL cannot store it and answered 500.
 */
@ApplicationScoped
public class RequestLineSafety {

    @Inject
    Messages messages;

    @Inject
    ObjectMapper mapper;

    void register(@Observes Filters filters) {
        filters.register(this::check, 950);
    }

    void check(RoutingContext rc) {
        String uri = rc.request().uri();
        int q = uri.indexOf('?');
        String rawPath = q < 0 ? uri : uri.substring(0, q);
        for (String segment : rawPath.split("/", -1)) {
            String decoded = decode(segment);
            if (decoded == null || decoded.equals(".") || decoded.equals("..") || decoded.indexOf('\0') >= 0) {
                ApiErrors.Mapping m = ApiErrors.of(ErrorCode.BAD_REQUEST);
                answer(rc, 400, m.code(), messages.get(locale(rc), "error.bad_path",
                        "The request path is not valid"), null);
                return;
            }
        }
        if (q >= 0) {
            for (Map.Entry<String, String> p : rc.queryParams()) {
                String bad = p.getValue().indexOf('\0') >= 0 ? p.getKey() : p.getKey().indexOf('\0') >= 0 ? "query" : null;
                if (bad != null) {
                    Locale locale = locale(rc);
                    ApiErrors.Mapping m = ApiErrors.of(ErrorCode.VALIDATION_FAILED);
                    answer(rc, m.status(), m.code(), messages.get(locale, m.messageKey(), m.defaultMessage()),
                            List.of(new FieldErrorResponse(bad.replace('\0', ' '),
                                    messages.get(locale, "validation.text", "contains characters that are not allowed"))));
                    return;
                }
            }
        }
        rc.next();
    }

    private void answer(RoutingContext rc, int status, int code, String message, Object details) {
        try {
            rc.response().setStatusCode(status)
                    .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                    .end(mapper.writeValueAsString(new ErrorResponse(code, message, details,
                            rc.response().headers().get(RequestIds.HEADER))));
        } catch (JsonProcessingException e) {
            rc.fail(status);
        }
    }

    private static String decode(String segment) {
        if (segment.indexOf('%') < 0) {
            return segment;
        }
        try {
            // URLDecoder treats '+' as a space, which is wrong for paths; keep it literal.
            return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return null;
        }
    }

    private static Locale locale(RoutingContext rc) {
        String header = rc.request().getHeader(HttpHeaders.ACCEPT_LANGUAGE);
        if (header == null || header.isBlank()) {
            return Messages.resolve(List.of());
        }
        try {
            return Messages.resolve(Locale.LanguageRange.parse(header).stream()
                    .map(r -> Locale.forLanguageTag(r.getRange())).toList());
        } catch (IllegalArgumentException malformed) {
            return Messages.resolve(List.of());
        }
    }
}
