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
 * {@code Content-Length} first gives honest clients a readable error. Vert.x has one limit for
 * every route, so it is set to the larger upload limit and this filter applies the general
 * limit to everything but multipart uploads to the ticket routes.
 */
@ApplicationScoped
public class BodySizeLimit {

    @Inject
    Messages messages;

    @Inject
    ObjectMapper mapper;

    @ConfigProperty(name = "proxima.http.max-body-size", defaultValue = "1M")
    MemorySize maxBodySize;

    /** Multipart uploads (ticket attachments); also the Vert.x limit on the bytes actually received. */
    @ConfigProperty(name = "proxima.http.max-upload-body-size", defaultValue = "26M")
    MemorySize maxUploadBodySize;

    void register(@Observes Filters filters) {
        long limit = maxBodySize.asLongValue();
        long uploadLimit = Math.max(limit, maxUploadBodySize.asLongValue());
        filters.register(rc -> {
            String declared = rc.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            if (declared != null && exceeds(declared, isUpload(rc.request().path(),
                    rc.request().getHeader(HttpHeaders.CONTENT_TYPE)) ? uploadLimit : limit)) {
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

    /** Routes that take multipart uploads: opening a ticket and replying to one. */
    static boolean isUpload(String path, String contentType) {
        return path != null && contentType != null
                && contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")
                && (path.equals("/api/v1/tickets") || path.startsWith("/api/v1/tickets/") && path.endsWith("/messages"));
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
