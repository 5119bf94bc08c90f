package io.proxima.adapter.in.rest.monitoring;

import io.proxima.adapter.in.rest.common.ApiResponse;
import io.proxima.application.monitoring.port.in.PluginUseCase;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Seed 003's plugins: each integration with its kind, whether it is enabled and configured, and its health. */
@Path("/api/v1/admin/plugins")
@Tag(name = "Monitoring")
@RolesAllowed("admin")
@Produces(MediaType.APPLICATION_JSON)
public class PluginResource {

    @Inject
    PluginUseCase plugins;

    @GET
    public ApiResponse<List<PluginUseCase.Plugin>> list() {
        return ApiResponse.ok(plugins.plugins());
    }
}
