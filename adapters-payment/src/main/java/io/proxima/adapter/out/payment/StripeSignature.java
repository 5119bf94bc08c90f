package io.proxima.adapter.out.payment;

import io.proxima.application.billing.port.out.InvalidWebhookException;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Stripe's webhook signature scheme: header {@code Stripe-Signature: t=<unix>,v1=<hex>[,v1=...]},
 * where v1 is HMAC-SHA256 of {@code "<t>.<raw body>"} keyed with the endpoint secret. A timestamp
 * outside the tolerance is refused even with a valid signature, which defeats replays of
 * captured deliveries.
 */
public final class StripeSignature {

    private StripeSignature() {
    }

    public static void verify(String header, byte[] body, String secret, Instant now, Duration tolerance) {
        if (secret == null || secret.isBlank()) {
            throw new InvalidWebhookException("no webhook secret configured");
        }
        if (header == null || header.isBlank()) {
            throw new InvalidWebhookException("missing Stripe-Signature header");
        }
        Long timestamp = null;
        List<String> signatures = new ArrayList<>();
        for (String part : header.split(",")) {
            int eq = part.indexOf('=');
            if (eq <= 0) {
                continue;
            }
            String k = part.substring(0, eq).trim();
            String v = part.substring(eq + 1).trim();
            if (k.equals("t")) {
                try {
                    timestamp = Long.parseLong(v);
                } catch (NumberFormatException e) {
                    throw new InvalidWebhookException("malformed timestamp");
                }
            } else if (k.equals("v1")) {
                signatures.add(v);
            }
        }
        if (timestamp == null || signatures.isEmpty()) {
            throw new InvalidWebhookException("no timestamp or v1 signature");
        }
        byte[] expected = sign(timestamp, body, secret);
        boolean match = false;
        for (String s : signatures) {
            byte[] given;
            try {
                given = HexFormat.of().parseHex(s);
            } catch (IllegalArgumentException e) {
                continue;
            }
            // Constant time, so the comparison leaks nothing about the expected signature.
            match |= MessageDigest.isEqual(expected, given);
        }
        if (!match) {
            throw new InvalidWebhookException("signature mismatch");
        }
        long age = Math.abs(now.getEpochSecond() - timestamp);
        if (age > tolerance.getSeconds()) {
            throw new InvalidWebhookException("timestamp outside the tolerance (replay?)");
        }
    }

    /** HMAC-SHA256 of {@code "<t>.<body>"}; also used by tests to play Stripe. */
    public static byte[] sign(long timestamp, byte[] body, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return mac.doFinal(body);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String header(long timestamp, byte[] body, String secret) {
        return "t=" + timestamp + ",v1=" + HexFormat.of().formatHex(sign(timestamp, body, secret));
    }
}
