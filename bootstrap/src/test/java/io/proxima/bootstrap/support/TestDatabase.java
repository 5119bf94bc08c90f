package io.proxima.bootstrap.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Creates the test database on the local PostgreSQL server before the first test, so that
 * {@code ./mvnw verify} works on a machine where only the server runs. Registered through
 * {@code META-INF/services}; a failure here stops the run with a message that says what to fix.
 */
public class TestDatabase implements LauncherSessionListener {

    private static final Pattern URL = Pattern.compile("jdbc:postgresql://([^/]+)/([A-Za-z0-9_]+)(\\?.*)?");
    private static volatile boolean done;

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        if (done) {
            return;
        }
        String url = env("TEST_DB_URL", "jdbc:postgresql://127.0.0.1:5432/proxima_test");
        String user = env("TEST_DB_USER", "postgres");
        String password = env("TEST_DB_PASSWORD", "");
        Matcher m = URL.matcher(url);
        if (!m.matches()) {
            return; // an unusual URL: the operator manages that database
        }
        String adminUrl = "jdbc:postgresql://" + m.group(1) + "/postgres";
        String database = m.group(2);
        try (Connection c = DriverManager.getConnection(adminUrl, user, password)) {
            try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
                ps.setString(1, database);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        done = true;
                        return;
                    }
                }
            }
            try (Statement st = c.createStatement()) {
                st.execute("CREATE DATABASE " + database);
            } catch (SQLException raced) {
                // another build created it at the same moment: fine
                if (!"42P04".equals(raced.getSQLState())) {
                    throw raced;
                }
            }
            done = true;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot prepare the test database " + database + " at " + adminUrl
                    + ": is PostgreSQL running? (" + e.getMessage() + ")", e);
        }
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }
}
