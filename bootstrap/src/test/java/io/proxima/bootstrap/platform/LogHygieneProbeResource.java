package io.proxima.bootstrap.platform;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.sql.SQLException;

/** Test-only: fails the way a rejected insert fails, with the customer's text in the driver's message. */
@Path("/api/v1/_probe_sql")
@Produces(MediaType.APPLICATION_JSON)
public class LogHygieneProbeResource {

    static final String CUSTOMER_TEXT = "Refund for order of Li Wei, card 4111";

    @GET
    public String failInsert() {
        SQLException driver = new SQLException("ERROR: new row for relation \"ledger_entries\" violates check constraint\n"
                + "  Detail: Failing row contains (42, " + CUSTOMER_TEXT + ")", "23514");
        throw new IllegalStateException("could not execute statement [" + driver.getMessage()
                + "] [insert into ledger_entries (id, reason) values (?, ?)]", driver);
    }
}
