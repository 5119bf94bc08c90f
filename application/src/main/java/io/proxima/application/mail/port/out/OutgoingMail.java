package io.proxima.application.mail.port.out;

import java.util.Map;
import java.util.Objects;

/**
 * A mail to send: the recipient, the recipient's language ({@code en} or {@code zh}), a template
 * name and the values that fill it. The mail adapter owns the texts (subject and body per template
 * and language), so use cases never build mail text.
 */
public record OutgoingMail(String to, String language, String template, Map<String, String> params) {

    public OutgoingMail {
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(template, "template");
        language = language == null ? "en" : language;
        params = params == null ? Map.of() : Map.copyOf(params);
    }
}
