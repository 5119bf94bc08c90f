package io.proxima.bootstrap.platform;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.sql.DriverManager;
import java.sql.SQLException;

/** Test-only: a request whose database is down (a real JDBC connect to a closed port). */
@Path("/api/v1/_probe/database-down")
@Produces(MediaType.APPLICATION_JSON)
public class DatabaseOutageProbeResource {

    @GET
    public String query() {
        try (var c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:9/proxima?connectTimeout=2", "postgres", "")) {
            return "unexpectedly connected";
        } catch (SQLException e) {
            // Wrapped as the persistence layer would, so the mapper has to look into the cause chain.
            throw new IllegalStateException("could not run the query", e);
        }
    }
}
