package io.proxima.application.shared.port.out;

/**
 * The product's public base URL as the operator configured it. Links in mails and WebSocket
 * URLs are built from it, never from a request's {@code Host} header (which a client controls).
 */
public interface PublicUrls {

    /** {@code https://panel.example.com} (no trailing slash). */
    String base();

    /** {@code base() + path}; {@code path} starts with a slash. */
    default String http(String path) {
        return base() + path;
    }

    /** The same URL with {@code ws}/{@code wss} instead of {@code http}/{@code https}. */
    default String websocket(String path) {
        String b = base();
        if (b.startsWith("https://")) {
            return "wss://" + b.substring(8) + path;
        }
        if (b.startsWith("http://")) {
            return "ws://" + b.substring(7) + path;
        }
        return b + path;
    }
}
