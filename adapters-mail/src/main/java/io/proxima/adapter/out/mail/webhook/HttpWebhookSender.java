package io.proxima.adapter.out.mail.webhook;

import io.proxima.application.monitoring.port.out.WebhookSender;
import io.proxima.domain.monitoring.WebhookUrl;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Outgoing webhooks over the JDK HTTP client (the notifications adapter: mail and webhooks). Each
 * request carries {@code Proxima-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body">},
 * the event id and type. Redirects are not followed, and the host is resolved before sending so a
 * name that points at an internal address is refused unless the endpoint allows it.
 */
@ApplicationScoped
public class HttpWebhookSender implements WebhookSender {

    public static final String SIGNATURE_HEADER = "Proxima-Signature";

    private final HttpClient client = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    @Override
    public Outcome send(String url, String secret, boolean allowPrivate, String eventId, String eventType, String body,
                        Duration timeout) {
        long start = System.nanoTime();
        try {
            URI uri = URI.create(url);
            if (!allowPrivate) {
                for (InetAddress a : InetAddress.getAllByName(uri.getHost())) {
                    if (WebhookUrl.isInternal(a)) {
                        return new Outcome(null, "refused: " + uri.getHost() + " resolves to an internal address", millis(start));
                    }
                }
            }
            long t = System.currentTimeMillis() / 1000;
            HttpRequest request = HttpRequest.newBuilder(uri)
                    .timeout(timeout)
                    .header("Content-Type", "application/json")
                    .header("User-Agent", "Proxima-Webhooks/1")
                    .header("Proxima-Event-Id", eventId)
                    .header("Proxima-Event-Type", eventType)
                    .header(SIGNATURE_HEADER, "t=" + t + ",v1=" + sign(secret, t, body))
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                    .build();
            HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
            int code = response.statusCode();
            return new Outcome(code, code >= 200 && code < 300 ? null : "HTTP " + code, millis(start));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(null, "interrupted", millis(start));
        } catch (Exception e) {
            return new Outcome(null, e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()), millis(start));
        }
    }

    /** Hex HMAC-SHA256 of {@code "<t>.<body>"}; receivers compute the same and compare in constant time. */
    public static String sign(String secret, long t, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal((t + "." + body).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long millis(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
