package io.proxima.bootstrap.billing;

import io.agroal.api.AgroalDataSource;
import io.proxima.application.user.port.out.TokenIssuer;
import io.proxima.domain.user.Role;
import io.proxima.domain.user.UserId;
import io.quarkus.arc.Arc;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Real access tokens for test users with fixed ids: the user row is created (active, with the
 * role) when missing and the token is signed by the application's own issuer, so requests pass
 * through the production authentication mechanism.
 */
public class TestTokens implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return Map.of();
    }

    @Override
    public void stop() {
    }

    public static String bearer(UUID user, String... roles) {
        Role role = roles.length == 0 ? Role.USER : Role.valueOf(roles[0].toUpperCase(Locale.ROOT));
        ensureUser(user, role);
        Instant now = Instant.now();
        // Tokens must belong to an existing session family (issue 11), as a login would create it.
        UUID family = UUID.randomUUID();
        createFamily(family, user);
        TokenIssuer issuer = Arc.container().instance(TokenIssuer.class).get();
        return "Bearer " + issuer.sign(new TokenIssuer.AccessClaims(UUID.randomUUID(), new UserId(user),
                "t" + user.toString().substring(0, 8), role, family, now, now.plus(Duration.ofHours(1))));
    }

    private static void createFamily(UUID family, UUID user) {
        AgroalDataSource ds = Arc.container().instance(AgroalDataSource.class).get();
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "INSERT INTO refresh_token_families (id, user_id, created_at) VALUES (?, ?, ?)")) {
            ps.setObject(1, family);
            ps.setObject(2, user);
            ps.setTimestamp(3, Timestamp.from(Instant.now()));
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create a session for test user " + user, e);
        }
    }

    private static void ensureUser(UUID id, Role role) {
        AgroalDataSource ds = Arc.container().instance(AgroalDataSource.class).get();
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement("""
                     INSERT INTO users (id, username, email, password_hash, role, status, email_verified, created_at, updated_at)
                     VALUES (?, ?, ?, 'not-a-hash', ?, 'active', true, ?, ?) ON CONFLICT (id) DO NOTHING""")) {
            String name = "t" + id.toString().replace("-", "").substring(0, 20);
            ps.setObject(1, id);
            ps.setString(2, name);
            ps.setString(3, name + "@billing.test");
            ps.setString(4, role.name().toLowerCase(Locale.ROOT));
            Timestamp now = Timestamp.from(Instant.now());
            ps.setTimestamp(5, now);
            ps.setTimestamp(6, now);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test user " + id, e);
        }
    }
}
