package io.proxima.domain.ticket;

/**
 * Ticket text is stored and returned as plain text: markup is kept verbatim (clients must render
 * it as text), but control characters other than newline and tab are removed so they cannot
 * corrupt terminals, logs or emails.
 */
final class PlainText {

    private PlainText() {
    }

    static String clean(String raw) {
        StringBuilder sb = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '\r') {
                if (i + 1 < raw.length() && raw.charAt(i + 1) == '\n') {
                    continue;
                }
                sb.append('\n');
            } else if (c == '\n' || c == '\t' || !Character.isISOControl(c)) {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
