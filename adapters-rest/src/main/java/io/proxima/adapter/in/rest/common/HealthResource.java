package io.proxima.adapter.in.rest.common;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Seed 001's liveness probe: {@code {"status": "ok", "timestamp": ...}}, deliberately cheap
 * (no database). Readiness with its dependency checks is {@code /q/health/ready}.
 */
@Path("/health")
@Tag(name = "Health")
public class HealthResource {

    public record HealthResponse(String status, Instant timestamp) {
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Liveness in seed 001's shape")
    public HealthResponse health() {
        return new HealthResponse("ok", Instant.now().truncatedTo(ChronoUnit.MILLIS));
    }
}
