package io.proxima.bootstrap.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.proxima.application.user.port.in.IdentityHousekeepingUseCase;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** Identity housekeeping forgets undo links of contact changes a day after they expired, and only those. */
@QuarkusTest
class IdentityHousekeepingTest {

    @Inject
    IdentityHousekeepingUseCase housekeeping;

    @Inject
    DataSource dataSource;

    @Test
    void expired_undo_links_are_purged_and_live_ones_kept() throws SQLException {
        UUID user = UUID.randomUUID();
        String hex = user.toString().replace("-", "");
        String expired = hex + "0".repeat(32);
        String live = hex + "1".repeat(32);
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO users (id, username, email, password_hash, role, status, email_verified, created_at, updated_at)
                    VALUES (?, ?, ?, 'not-a-hash', 'user', 'active', true, now(), now())""")) {
                String name = "hk" + user.toString().replace("-", "").substring(0, 20);
                ps.setObject(1, user);
                ps.setString(2, name);
                ps.setString(3, name + "@housekeeping.test");
                ps.executeUpdate();
            }
            insertUndo(c, expired, user, Instant.now().minus(Duration.ofDays(3)));
            insertUndo(c, live, user, Instant.now().plus(Duration.ofDays(6)));
        }
        housekeeping.purgeExpired();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT token_hash FROM account_change_undo WHERE user_id = ?")) {
            ps.setObject(1, user);
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo(live);
                assertThat(rs.next()).as("the expired link is gone").isFalse();
            }
        }
    }

    private static void insertUndo(Connection c, String hash, UUID user, Instant expiresAt) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO account_change_undo (token_hash, user_id, kind, old_email, created_at, expires_at)
                VALUES (?, ?, 'email', 'old@housekeeping.test', ?, ?)""")) {
            ps.setString(1, hash);
            ps.setObject(2, user);
            ps.setTimestamp(3, Timestamp.from(expiresAt.minus(Duration.ofDays(7))));
            ps.setTimestamp(4, Timestamp.from(expiresAt));
            ps.executeUpdate();
        }
    }
}
