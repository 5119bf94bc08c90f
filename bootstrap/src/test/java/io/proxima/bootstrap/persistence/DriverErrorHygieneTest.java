package io.proxima.bootstrap.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Issue 11, item 12, below the REST layer: a real insert that PostgreSQL rejects (as a billing job's
 * would) raises an exception whose message names the constraint but not the row's values, so a
 * scheduler's failure log cannot carry what a customer typed.
 */
@QuarkusTest
class DriverErrorHygieneTest {

    private static final String CUSTOMER_TEXT = "Refund for Li Wei, card 4111 1111";

    @Inject
    DataSource dataSource;

    @Test
    void a_rejected_insert_does_not_repeat_the_row_in_its_message() {
        assertThatThrownBy(() -> {
            try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO billing_refunds (id, owner_id, amount_minor, currency, destination, status, reason, created_at)
                    VALUES (?, ?, -1, 'USD', 'balance', 'pending', ?, ?)""")) {
                ps.setObject(1, UUID.randomUUID());
                ps.setObject(2, UUID.randomUUID());
                ps.setString(3, CUSTOMER_TEXT);
                ps.setTimestamp(4, Timestamp.from(Instant.now()));
                ps.executeUpdate();
            }
        }).isInstanceOf(SQLException.class).satisfies(e -> {
            assertThat(e.getMessage()).contains("billing_refunds").doesNotContain(CUSTOMER_TEXT).doesNotContain("4111");
            assertThat(((SQLException) e).getSQLState()).isEqualTo("23514");
        });
    }
}
