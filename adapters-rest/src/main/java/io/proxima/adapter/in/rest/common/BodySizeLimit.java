package io.proxima.adapter.in.rest.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses a declared oversized body with the 413 error envelope. Vert.x enforces the same limit
 * on the bytes actually received, but answers with an empty body; checking
 * {@code Content-Length} first gives honest clients a readable error.
 */
@ApplicationScoped
public class BodySizeLimit {

    @Inject
    Messages messages;

    @Inject
    ObjectMapper mapper;

    @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10M")
    MemorySize maxBodySize;

    void register(@Observes Filters filters) {
        long limit = maxBodySize.asLongValue();
        filters.register(rc -> {
            String declared = rc.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            if (declared != null && exceeds(declared, limit)) {
                Locale locale = Messages.resolve(languages(rc.request().getHeader(HttpHeaders.ACCEPT_LANGUAGE)));
                ApiErrors.Mapping m = ApiErrors.ofStatus(413);
                String id = rc.response().headers().get(RequestIds.HEADER);
                try {
                    rc.response().setStatusCode(413)
                            .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                            .putHeader(HttpHeaders.CONNECTION, "close")
                            .end(mapper.writeValueAsString(new ErrorResponse(m.code(),
                                    messages.get(locale, m.messageKey(), m.defaultMessage()), null, id)));
                } catch (JsonProcessingException e) {
                    rc.fail(413);
                }
                return;
            }
            rc.next();
        }, 900);
    }

    private static boolean exceeds(String declared, long limit) {
        try {
            return Long.parseLong(declared.trim()) > limit;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static List<Locale> languages(String header) {
        if (header == null || header.isBlank()) {
            return List.of();
        }
        try {
            return Locale.LanguageRange.parse(header).stream()
                    .map(r -> Locale.forLanguageTag(r.getRange()))
                    .toList();
        } catch (IllegalArgumentException malformed) {
            return List.of();
        }
    }
}
