package io.proxima.adapter.in.rest.vm;

import io.proxima.adapter.in.rest.common.ApiResponse;
import io.proxima.application.vm.port.in.ReconciliationUseCase;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Administrators: guests in PVE that Proxima does not know, and an immediate reconciliation run. */
@Path("/api/v1/admin/reconciliation")
@Tag(name = "Nodes")
@RolesAllowed("admin")
@Produces(MediaType.APPLICATION_JSON)
public class ReconciliationResource {

    @Inject
    ReconciliationUseCase reconciliation;

    @GET
    @Path("/unmanaged-guests")
    public ApiResponse<List<ReconciliationUseCase.UnmanagedGuest>> unmanaged() {
        return ApiResponse.ok(reconciliation.unmanagedGuests());
    }

    @POST
    public ApiResponse<ReconciliationUseCase.Report> reconcileNow() {
        return ApiResponse.ok(reconciliation.reconcile());
    }
}
