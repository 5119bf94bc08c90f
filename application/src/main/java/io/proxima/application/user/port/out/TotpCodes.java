package io.proxima.application.user.port.out;

import java.time.Instant;
import java.util.OptionalLong;

/** RFC 6238 time-based one-time passwords (SHA-1, 6 digits, 30 s steps: what authenticator apps use). */
public interface TotpCodes {

    /** A new random secret, Base32-encoded. */
    String newSecret();

    /** The {@code otpauth://totp/...} URI to put into a QR code. */
    String uri(String secret, String issuer, String account);

    /** The time step the code belongs to when it is valid at {@code now} (one step of drift allowed). */
    OptionalLong verify(String secret, String code, Instant now);
}
