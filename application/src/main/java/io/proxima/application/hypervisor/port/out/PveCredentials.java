package io.proxima.application.hypervisor.port.out;

import java.util.Objects;
import java.util.regex.Pattern;

/** How Proxima authenticates to a PVE cluster: an API token (recommended) or a user's password (ticket auth). */
public sealed interface PveCredentials {

    /** {@code Authorization: PVEAPIToken=USER@REALM!TOKENID=SECRET}; no CSRF token needed. */
    record ApiToken(String tokenId, String secret) implements PveCredentials {

        private static final Pattern TOKEN_ID = Pattern.compile("[^@!\\s=]+@[A-Za-z][A-Za-z0-9._-]*![A-Za-z][A-Za-z0-9._-]*");

        public ApiToken {
            Objects.requireNonNull(tokenId, "tokenId");
            Objects.requireNonNull(secret, "secret");
            if (!TOKEN_ID.matcher(tokenId).matches()) {
                throw new IllegalArgumentException("token id must look like user@realm!tokenid: " + tokenId);
            }
            if (secret.isBlank()) {
                throw new IllegalArgumentException("token secret is blank");
            }
        }

        @Override
        public String toString() {
            return "ApiToken[" + tokenId + "]";
        }
    }

    /** Ticket auth: the adapter logs in, sends the CSRF token on writes and renews the ticket before its 2 h expiry. */
    record UserPassword(String username, String password) implements PveCredentials {

        public UserPassword {
            Objects.requireNonNull(username, "username");
            Objects.requireNonNull(password, "password");
            if (!username.contains("@")) {
                throw new IllegalArgumentException("username must include the realm (user@realm): " + username);
            }
        }

        @Override
        public String toString() {
            return "UserPassword[" + username + "]";
        }
    }
}
