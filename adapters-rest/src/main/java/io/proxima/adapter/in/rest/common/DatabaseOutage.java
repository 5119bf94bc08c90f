package io.proxima.adapter.in.rest.common;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Locale;

/**
 * Recognises "the database cannot be reached" anywhere in a cause chain: JDBC connection
 * exceptions (SQLState class 08), PostgreSQL shutting down or not accepting connections yet
 * (57P01..57P03), the pool giving up on acquiring a connection, and Hibernate's wrapper of all
 * these. Such a failure is the service being unavailable for a while, not a bug.
 */
final class DatabaseOutage {

    private DatabaseOutage() {
    }

    static boolean in(Throwable error) {
        int depth = 0;
        for (Throwable t = error; t != null && depth < 20; t = t.getCause(), depth++) {
            if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException) {
                return true;
            }
            // By name: adapters-rest does not depend on Hibernate.
            if (t.getClass().getName().equals("org.hibernate.exception.JDBCConnectionException")) {
                return true;
            }
            if (t instanceof SQLException sql) {
                String state = sql.getSQLState();
                if (state != null && (state.startsWith("08") || state.startsWith("57P0"))) {
                    return true;
                }
                String message = sql.getMessage() == null ? "" : sql.getMessage().toLowerCase(Locale.ROOT);
                // Agroal's pool: every connection is broken or the database refuses new ones.
                if (message.contains("acquisition timeout")) {
                    return true;
                }
            }
        }
        return false;
    }
}
