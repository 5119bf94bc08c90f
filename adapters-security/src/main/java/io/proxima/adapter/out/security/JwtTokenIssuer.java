package io.proxima.adapter.out.security;

import io.proxima.application.user.port.out.TokenIssuer;
import io.proxima.domain.user.AuthenticationException;
import io.proxima.domain.user.Role;
import io.proxima.domain.user.UserId;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.ParseException;
import io.smallrye.jwt.build.Jwt;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;
import org.jose4j.jwt.consumer.InvalidJwtException;

/**
 * RS256 access tokens with SmallRye JWT: signed with the configured RSA private key
 * ({@code PROXIMA_JWT_PRIVATE_KEY_FILE}, PKCS#8 PEM) or, in the embedded default, a 2048-bit pair
 * generated at first start in the data directory (0600). Only RS256 is accepted on verification,
 * so {@code alg: none}, HS256-with-the-public-key and foreign keys all fail.
 */
@ApplicationScoped
@io.quarkus.runtime.Startup // a missing key refuses the start, not the first login
public class JwtTokenIssuer implements TokenIssuer {

    private static final Logger LOG = Logger.getLogger(JwtTokenIssuer.class);
    static final String FAMILY_CLAIM = "fid";

    private final PrivateKey privateKey;
    private final String keyId;
    private final String issuer;
    private final DefaultJWTParser parser;

    /** With a generated key allowed (the embedded default; tests). */
    public JwtTokenIssuer(String issuer, Optional<String> privateKeyLocation, Optional<String> publicKeyLocation,
                          String dataDir) {
        this(issuer, privateKeyLocation, publicKeyLocation, dataDir, true);
    }

    @Inject
    public JwtTokenIssuer(@ConfigProperty(name = "proxima.jwt.issuer", defaultValue = "proxima") String issuer,
                          @ConfigProperty(name = "proxima.jwt.private-key-location") Optional<String> privateKeyLocation,
                          @ConfigProperty(name = "proxima.jwt.public-key-location") Optional<String> publicKeyLocation,
                          @ConfigProperty(name = "proxima.data-dir", defaultValue = ".proxima") String dataDir,
                          @ConfigProperty(name = KeyFiles.GENERATE_SETTING, defaultValue = "false") boolean generate) {
        this.issuer = issuer;
        String privatePem = privateKeyLocation.filter(s -> !s.isBlank())
                .map(loc -> KeyFiles.read(Path.of(loc)))
                .orElseGet(() -> {
                    KeyFiles.requireConfiguredUnlessGenerating(generate, "PROXIMA_JWT_PRIVATE_KEY_FILE",
                            "proxima.jwt.private-key-location");
                    return KeyFiles.readOrCreate(Path.of(dataDir, "jwt-private.pem"), JwtTokenIssuer::generatePem);
                });
        try {
            this.privateKey = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(pem(privatePem)));
            PublicKey publicKey = publicKeyLocation.filter(s -> !s.isBlank())
                    .map(loc -> publicKey(KeyFiles.read(Path.of(loc))))
                    .orElseGet(() -> derivePublic(privateKey));
            this.keyId = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(publicKey.getEncoded()))
                    .substring(0, 16);
            JWTAuthContextInfo info = new JWTAuthContextInfo(publicKey, issuer);
            info.setSignatureAlgorithm(Set.of(SignatureAlgorithm.RS256));
            info.setRequiredClaims(Set.of("sub", "jti", "exp", "iat", FAMILY_CLAIM));
            info.setClockSkew(30);
            this.parser = new DefaultJWTParser(info);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("The JWT signing key is not a valid RSA PKCS#8 PEM key", e);
        }
    }

    @Override
    public String sign(AccessClaims c) {
        return Jwt.issuer(issuer)
                .subject(c.userId().toString())
                .upn(c.username())
                .groups(Set.of(c.role().code()))
                .claim("jti", c.jti().toString())
                .claim(FAMILY_CLAIM, c.familyId().toString())
                .issuedAt(c.issuedAt())
                .expiresAt(c.expiresAt())
                .jws().keyId(keyId).algorithm(SignatureAlgorithm.RS256)
                .sign(privateKey);
    }

    @Override
    public AccessClaims verify(String token) {
        JsonWebToken jwt;
        try {
            jwt = parser.parse(token);
        } catch (ParseException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof InvalidJwtException ije && ije.hasExpired()) {
                    throw AuthenticationException.tokenExpired();
                }
            }
            throw AuthenticationException.tokenInvalid();
        } catch (RuntimeException e) {
            throw AuthenticationException.tokenInvalid();
        }
        try {
            Set<String> groups = jwt.getGroups();
            if (groups == null || groups.size() != 1) {
                throw AuthenticationException.tokenInvalid();
            }
            Role role = Role.fromCode("groups", groups.iterator().next());
            return new AccessClaims(UUID.fromString(jwt.getTokenID()), UserId.of(jwt.getSubject()),
                    jwt.getName(), role, UUID.fromString(jwt.<Object>getClaim(FAMILY_CLAIM).toString()),
                    Instant.ofEpochSecond(jwt.getIssuedAtTime()), Instant.ofEpochSecond(jwt.getExpirationTime()));
        } catch (RuntimeException malformedClaims) {
            throw AuthenticationException.tokenInvalid();
        }
    }

    private static String generatePem() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048);
            byte[] der = g.generateKeyPair().getPrivate().getEncoded();
            LOG.info("No PROXIMA_JWT_PRIVATE_KEY_FILE set: generated a new RSA key pair for access tokens in the data directory");
            return "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                    + "\n-----END PRIVATE KEY-----\n";
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] pem(String text) {
        String body = text.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return Base64.getDecoder().decode(body);
    }

    private static PublicKey publicKey(String pemText) {
        try {
            return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(pem(pemText)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The JWT public key is not a valid RSA X.509 PEM key", e);
        }
    }

    private static PublicKey derivePublic(PrivateKey key) {
        if (!(key instanceof RSAPrivateCrtKey crt)) {
            throw new IllegalStateException("Set proxima.jwt.public-key-location: the public key cannot be derived from this private key");
        }
        try {
            return KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(crt.getModulus(), crt.getPublicExponent()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
