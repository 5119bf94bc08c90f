package io.proxima.application.user.port.in;

import io.proxima.domain.user.User;

/** The result of a login or refresh. */
public record IssuedTokens(String accessToken, String refreshToken, long expiresInSeconds, User user) {
}
