package io.proxima.domain.user;

import io.proxima.domain.shared.ValidationException;

/** The languages Proxima speaks to its users (mails, messages). */
public enum Language {
    EN("en"), ZH("zh");

    private final String code;

    Language(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** Accepts {@code en}, {@code zh} and regional forms such as {@code zh-CN}; null means English. */
    public static Language fromCode(String field, String raw) {
        if (raw == null || raw.isBlank()) {
            return EN;
        }
        // limit -1: "_" splits into two empty parts (not none) and is refused like any unknown code.
        String base = raw.trim().toLowerCase(java.util.Locale.ROOT).split("[-_]", -1)[0];
        for (Language l : values()) {
            if (l.code.equals(base)) {
                return l;
            }
        }
        throw ValidationException.of(field, "validation.language", "must be en or zh");
    }
}
