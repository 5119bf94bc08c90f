package io.proxima.adapter.in.rest.security;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/** What a request presented: an access JWT or an API key, with the client address. */
public class CredentialsRequest extends BaseAuthenticationRequest {

    public enum Kind { BEARER, API_KEY }

    private final Kind kind;
    private final String secret;
    private final String clientIp;

    public CredentialsRequest(Kind kind, String secret, String clientIp) {
        this.kind = kind;
        this.secret = secret;
        this.clientIp = clientIp;
    }

    public Kind kind() {
        return kind;
    }

    public String secret() {
        return secret;
    }

    public String clientIp() {
        return clientIp;
    }
}
