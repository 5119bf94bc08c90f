package io.proxima.adapter.in.rest.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Locale;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Answers a declared body larger than {@code quarkus.http.limits.max-body-size} with the error
 * envelope (413/41301). Quarkus' own check (route order -2) would answer with an empty body;
 * this route runs just before it.
 */
@ApplicationScoped
public class BodyLimit {

    @Inject
    ObjectMapper json;

    @Inject
    Messages messages;

    @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K")
    MemorySize maxBodySize;

    void register(@Observes Router router) {
        long max = maxBodySize.asLongValue();
        router.route().order(-3).handler(rc -> {
            String length = rc.request().getHeader("Content-Length");
            long declared;
            try {
                declared = length == null ? -1 : Long.parseLong(length.trim());
            } catch (NumberFormatException e) {
                declared = -1;
            }
            if (declared <= max) {
                rc.next();
                return;
            }
            Locale locale = Messages.resolve(rc.acceptableLanguages().stream()
                    .map(l -> Locale.forLanguageTag(l.tag())).toList());
            String body;
            try {
                body = json.writeValueAsString(new ErrorResponse(41301,
                        messages.get(locale, "error.payload_too_large", "The request body is too large"), null,
                        rc.request().getHeader(RequestIds.HEADER)));
            } catch (JsonProcessingException e) {
                body = "{\"code\":41301,\"message\":\"The request body is too large\"}";
            }
            rc.response().setStatusCode(413).putHeader("Content-Type", "application/json")
                    .putHeader("Connection", "close").end(body);
        });
    }
}
