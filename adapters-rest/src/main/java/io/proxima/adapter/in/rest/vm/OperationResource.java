package io.proxima.adapter.in.rest.vm;

import io.proxima.adapter.in.rest.common.Ids;

import io.proxima.adapter.in.rest.common.ApiResponse;
import io.proxima.adapter.in.rest.common.PageParams;
import io.proxima.adapter.in.rest.common.PageResponse;
import io.proxima.adapter.in.rest.security.CurrentUser;
import io.proxima.adapter.in.rest.vm.VmResponses.OperationResponse;
import io.proxima.application.vm.port.in.VmActionsUseCase.Actor;
import io.proxima.application.vm.port.in.VmQueryUseCase;
import io.proxima.domain.shared.ValidationException;
import io.proxima.domain.vm.OperationStatus;
import io.proxima.domain.vm.OperationType;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Asynchronous work on VMs; seed 002's "deployments" are the provisioning operations. */
@Path("/api/v1")
@Tag(name = "Operations")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class OperationResource {

    @Inject
    CurrentUser currentUser;

    @Inject
    VmQueryUseCase query;

    @GET
    @Path("/operations")
    public ApiResponse<PageResponse<OperationResponse>> list(@BeanParam PageParams page, @QueryParam("vm_id") String vmId,
            @QueryParam("type") @Parameter(schema = @Schema(enumeration = {"provision", "delete", "reinstall", "resize",
                    "migrate", "snapshot", "snapshot_delete", "rollback", "power"})) String type,
            @QueryParam("status") @Parameter(schema = @Schema(enumeration = {"pending", "running", "succeeded", "failed"}))
            String status) {
        // An unknown filter value is a mistake to report, not an empty page.
        known("type", type, OperationType.values());
        known("status", status, OperationStatus.values());
        return ApiResponse.ok(PageResponse.of(query.operations(Ids.optional("vm_id", vmId), type, status,
                page.toPageRequest(), actor()), OperationResponse::from));
    }

    @GET
    @Path("/operations/{id}")
    public ApiResponse<OperationResponse> get(@PathParam("id") String id) {
        return ApiResponse.ok(OperationResponse.from(query.operation(Ids.required("Operation", id), actor())));
    }

    @GET
    @Path("/deployments")
    public ApiResponse<PageResponse<OperationResponse>> deployments(@BeanParam PageParams page,
            @QueryParam("status") @Parameter(schema = @Schema(enumeration = {"pending", "running", "succeeded", "failed"}))
            String status) {
        known("status", status, OperationStatus.values());
        return ApiResponse.ok(PageResponse.of(query.operations(null, "provision", status, page.toPageRequest(), actor()),
                OperationResponse::from));
    }

    @GET
    @Path("/deployments/{id}")
    public ApiResponse<OperationResponse> deployment(@PathParam("id") String id) {
        return get(id);
    }

    private Actor actor() {
        return new Actor(currentUser.id().value(), currentUser.isAdmin());
    }

    private static void known(String field, String value, Enum<?>[] values) {
        if (value == null || value.isBlank()) {
            return;
        }
        for (Enum<?> v : values) {
            if (v.name().equalsIgnoreCase(value.trim())) {
                return;
            }
        }
        throw ValidationException.of(field, "validation.filter_value", "is not a known value");
    }
}
