package io.proxima.adapter.in.rest.common;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * Client-facing texts in English and Simplified Chinese. Plain UTF-8 property files read once
 * (no {@code ResourceBundle} lookup, which needs extra registration in a native image).
 */
@ApplicationScoped
public class Messages {

    public static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

    private final Properties english = load("i18n/messages.properties");
    private final Properties chinese = load("i18n/messages_zh.properties");

    /**
     * Picks the first language of {@code Accept-Language} (already ordered by quality) that
     * Proxima speaks; English otherwise.
     */
    public static Locale resolve(List<Locale> acceptable) {
        if (acceptable != null) {
            for (Locale l : acceptable) {
                if ("zh".equalsIgnoreCase(l.getLanguage())) {
                    return CHINESE;
                }
                if ("en".equalsIgnoreCase(l.getLanguage())) {
                    return Locale.ENGLISH;
                }
            }
        }
        return Locale.ENGLISH;
    }

    /** The text for {@code key} in {@code locale}, or {@code fallback} when no text exists. */
    public String get(Locale locale, String key, String fallback, Object... args) {
        if (key == null) {
            return fallback;
        }
        String pattern = null;
        if (locale != null && "zh".equals(locale.getLanguage())) {
            pattern = chinese.getProperty(key);
        }
        if (pattern == null) {
            pattern = english.getProperty(key);
        }
        if (pattern == null) {
            return fallback;
        }
        if (args == null || args.length == 0) {
            return pattern;
        }
        return new MessageFormat(pattern, locale == null ? Locale.ENGLISH : locale).format(args);
    }

    private static Properties load(String resource) {
        Properties props = new Properties();
        try (InputStream in = Messages.class.getClassLoader().getResourceAsStream(resource)) {
            if (in != null) {
                props.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
        return props;
    }
}
