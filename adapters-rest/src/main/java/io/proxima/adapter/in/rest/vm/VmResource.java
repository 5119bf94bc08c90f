package io.proxima.adapter.in.rest.vm;

import org.jboss.resteasy.reactive.RestResponse;
import io.proxima.adapter.in.rest.common.SuccessStatus;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import io.proxima.adapter.in.rest.common.ApiResponse;
import io.proxima.adapter.in.rest.common.Ids;
import io.proxima.adapter.in.rest.common.PageParams;
import io.proxima.adapter.in.rest.common.PageResponse;
import io.proxima.adapter.in.rest.security.CurrentUser;
import io.proxima.adapter.in.rest.vm.VmRequests.ActionRequest;
import io.proxima.adapter.in.rest.vm.VmRequests.CreateVmRequest;
import io.proxima.adapter.in.rest.vm.VmResponses.AcceptedResponse;
import io.proxima.adapter.in.rest.vm.VmResponses.OperationRef;
import io.proxima.adapter.in.rest.vm.VmResponses.OperationResponse;
import io.proxima.adapter.in.rest.vm.VmResponses.VmResponse;
import io.proxima.application.vm.port.in.CreateVmUseCase;
import io.proxima.application.vm.port.in.CreateVmUseCase.CreateVmCommand;
import io.proxima.application.vm.port.in.VmActionsUseCase;
import io.proxima.application.vm.port.in.VmActionsUseCase.Actor;
import io.proxima.application.vm.port.in.VmActionsUseCase.PowerCommand;
import io.proxima.application.vm.port.in.VmMaintenanceUseCase;
import io.proxima.application.vm.port.in.VmQueryUseCase;
import io.proxima.application.vm.port.out.VmReadRepository.VmFilter;
import io.proxima.domain.shared.NotFoundException;
import io.proxima.domain.shared.ValidationException;
import io.proxima.domain.vm.Operation;
import io.proxima.domain.vm.VmId;
import io.proxima.domain.vm.VmStatus;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import io.proxima.application.user.port.in.SessionValidityUseCase;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Arrays;
import java.util.Locale;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Customers' VMs and containers (seeds 000, 001, 004); administrators see and act on all. */
@Path("/api/v1/vms")
@Tag(name = "Virtual machines")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class VmResource {

    @Inject
    CurrentUser currentUser;

    @Inject
    CreateVmUseCase create;

    @Inject
    VmQueryUseCase query;

    @Inject
    VmActionsUseCase actions;

    @Inject
    VmMaintenanceUseCase maintenance;

    @Inject
    io.proxima.application.vm.port.in.VmConsoleUseCase console;

    @Inject
    io.proxima.application.shared.port.out.PublicUrls publicUrls;

    @GET
    public ApiResponse<PageResponse<VmResponse>> list(@BeanParam PageParams page, @QueryParam("owner_id") String ownerId,
                                                      @QueryParam("node") String node, @QueryParam("status") String status,
                                                      @QueryParam("type") String type, @QueryParam("search") String search,
                                                      @QueryParam("sort") String sort) {
        if (status != null && !status.isBlank()) {
            boolean known = Arrays.stream(VmStatus.values()).anyMatch(s -> s.wireName().equals(status.trim().toLowerCase(Locale.ROOT)));
            if (!known) {
                throw ValidationException.of("status", "validation.vm_status", "is not a VM status");
            }
        }
        if (type != null && !type.isBlank() && !type.equalsIgnoreCase("qemu") && !type.equalsIgnoreCase("lxc")) {
            throw ValidationException.of("type", "validation.guest_type", "must be qemu or lxc");
        }
        VmFilter filter = new VmFilter(Ids.optional("owner_id", ownerId), Ids.optional("node", node), status, type, search,
                "deleted".equalsIgnoreCase(status));
        return ApiResponse.ok(PageResponse.of(query.list(filter, page.toPageRequest(), sort, actor()), VmResponse::from));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @SuccessStatus(202)
    public RestResponse<ApiResponse<AcceptedResponse>> create(@Valid @NotNull CreateVmRequest r,
                           @jakarta.ws.rs.HeaderParam("Idempotency-Key") String idempotencyKey) {
        CreateVmUseCase.Accepted accepted = create.create(new CreateVmCommand(currentUser.id().value(), r.hostname(),
                r.planId(), r.templateId(), r.sshKeys(), r.password(), r.location(), idempotencyKey));
        RestResponse<ApiResponse<AcceptedResponse>> answer = accepted(accepted.operation(), new AcceptedResponse(
                VmResponse.from(accepted.vm()), OperationRef.from(accepted.operation())));
        if (!accepted.replayed()) {
            return answer;
        }
        return RestResponse.ResponseBuilder.fromResponse(answer).header("Idempotent-Replayed", "true").build();
    }

    @GET
    @Path("/{id}")
    public ApiResponse<VmResponse> get(@PathParam("id") String id) {
        return ApiResponse.ok(VmResponse.from(query.get(Ids.required("VM", id), actor())));
    }

    /**
     * Rename and/or change plan. A rename alone answers 200 with the VM; a plan change answers
     * 202 with the VM and its {@code resize} operation. {@code version} guards against lost updates.
     */
    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "200", description = "Rename only: data is the VM itself (no operation)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = VmEnvelope.class)))
    @APIResponse(responseCode = "202", description = "Plan change accepted: the VM and its resize operation",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AcceptedEnvelope.class)))
    public RestResponse<ApiResponse<Object>> update(@PathParam("id") String id, @Valid @NotNull VmRequests.UpdateVmRequest r) {
        VmMaintenanceUseCase.Changed changed = maintenance.update(vmId(id),
                new VmMaintenanceUseCase.UpdateVmCommand(r.hostname(), r.planId(), r.version()), actor());
        return changed(changed);
    }

    @POST
    @Path("/{id}/migrate")
    @RolesAllowed("admin")
    @Consumes(MediaType.APPLICATION_JSON)
    @SuccessStatus(202)
    public RestResponse<ApiResponse<AcceptedResponse>> migrate(@PathParam("id") String id, @Valid @NotNull VmRequests.MigrateRequest r) {
        return acceptedChange(maintenance.migrate(vmId(id), r.targetNodeId(), actor()));
    }

    @POST
    @Path("/{id}/reinstall")
    @Consumes(MediaType.APPLICATION_JSON)
    @SuccessStatus(202)
    public RestResponse<ApiResponse<AcceptedResponse>> reinstall(@PathParam("id") String id, @Valid @NotNull VmRequests.ReinstallRequest r) {
        return acceptedChange(maintenance.reinstall(vmId(id),
                new VmMaintenanceUseCase.ReinstallCommand(r.templateId(), r.confirm(), r.sshKeys(), r.password()), actor()));
    }

    /**
     * A one-time WebSocket URL for the console: {@code ws(s)://<public base>/api/v1/vms/{id}/console?token=...},
     * usable once within the configured time (60 s by default) on any instance. The host comes from
     * {@code proxima.public-base-url}, never from the request's {@code Host} header.
     */
    @POST
    @Path("/{id}/console")
    public ApiResponse<ConsoleLink> console(@PathParam("id") String id) {
        VmId vm = vmId(id);
        var link = console.issue(vm, actor(), SessionValidityUseCase.SessionRef.of(currentUser.principal()));
        return ApiResponse.ok(new ConsoleLink(publicUrls.websocket("/api/v1/vms/" + vm.value() + "/console?token=" + link.token()),
                link.token(), link.expiresAt()));
    }

    /**
     * A one-time ticket for the metrics WebSocket (browsers cannot send a bearer header on a
     * WebSocket, and an access token in a URL ends up in proxy logs).
     */
    @POST
    @Path("/{id}/metrics/ticket")
    public ApiResponse<ConsoleLink> metricsTicket(@PathParam("id") String id) {
        VmId vm = vmId(id);
        var link = console.issueMetricsTicket(vm, actor(), SessionValidityUseCase.SessionRef.of(currentUser.principal()));
        return ApiResponse.ok(new ConsoleLink(publicUrls.websocket("/api/v1/vms/" + vm.value() + "/metrics/stream?ticket=" + link.token()),
                link.token(), link.expiresAt()));
    }

    /** 200 with the VM when nothing asynchronous was needed (a rename alone), else 202 with the operation. */
    private static RestResponse<ApiResponse<Object>> changed(VmMaintenanceUseCase.Changed changed) {
        if (changed.operation() == null) {
            return RestResponse.ok(ApiResponse.ok(VmResponse.from(changed.vm())));
        }
        return VmResource.<Object>accepted(changed.operation(), new AcceptedResponse(VmResponse.from(changed.vm()),
                OperationRef.from(changed.operation())));
    }

    private static RestResponse<ApiResponse<AcceptedResponse>> acceptedChange(VmMaintenanceUseCase.Changed changed) {
        return accepted(changed.operation(), new AcceptedResponse(VmResponse.from(changed.vm()),
                OperationRef.from(changed.operation())));
    }

    @DELETE
    @Path("/{id}")
    @SuccessStatus(202)
    public RestResponse<ApiResponse<OperationResponse>> delete(@PathParam("id") String id) {
        Operation op = actions.delete(vmId(id), actor());
        return accepted(op, OperationResponse.from(op));
    }

    @POST
    @Path("/{id}/actions")
    @Consumes(MediaType.APPLICATION_JSON)
    public ApiResponse<VmResponse> action(@PathParam("id") String id, @Valid @NotNull ActionRequest r) {
        return power(id, PowerCommand.parse(r.action()));
    }

    @POST
    @Path("/{id}/start")
    public ApiResponse<VmResponse> start(@PathParam("id") String id) {
        return power(id, PowerCommand.START);
    }

    @POST
    @Path("/{id}/stop")
    public ApiResponse<VmResponse> stop(@PathParam("id") String id) {
        return power(id, PowerCommand.STOP);
    }

    @POST
    @Path("/{id}/restart")
    public ApiResponse<VmResponse> restart(@PathParam("id") String id) {
        return power(id, PowerCommand.RESTART);
    }

    @POST
    @Path("/{id}/suspend")
    @RolesAllowed("admin")
    @Consumes(MediaType.WILDCARD)
    public ApiResponse<VmResponse> suspend(@PathParam("id") String id, @QueryParam("reason") String reasonParam,
                                           String body) {
        // The body is optional ({"reason": "..."}); clients may also POST nothing, or ?reason=.
        String reason = reasonParam;
        if (body != null && !body.isBlank()) {
            try {
                com.fasterxml.jackson.databind.JsonNode node = new com.fasterxml.jackson.databind.ObjectMapper().readTree(body);
                if (node.hasNonNull("reason")) {
                    reason = node.get("reason").asText();
                }
            } catch (java.io.IOException e) {
                throw new io.proxima.domain.shared.DomainException(io.proxima.domain.shared.ErrorCode.BAD_REQUEST,
                        "error.malformed_json", "Malformed JSON body");
            }
        }
        if (reason != null && reason.length() > 500) {
            throw ValidationException.of("reason", "validation.length", "must be at most 500 characters", 0, 500);
        }
        return ApiResponse.ok(VmResponse.from(actions.suspend(vmId(id), reason, actor())));
    }

    @POST
    @Path("/{id}/unsuspend")
    @RolesAllowed("admin")
    public ApiResponse<VmResponse> unsuspend(@PathParam("id") String id) {
        return ApiResponse.ok(VmResponse.from(actions.unsuspend(vmId(id), actor())));
    }

    @GET
    @Path("/{id}/operations")
    public ApiResponse<PageResponse<OperationResponse>> operations(@PathParam("id") String id, @BeanParam PageParams page) {
        return ApiResponse.ok(PageResponse.of(query.operations(Ids.required("VM", id), null, null, page.toPageRequest(), actor()),
                OperationResponse::from));
    }

    private ApiResponse<VmResponse> power(String id, PowerCommand command) {
        return ApiResponse.ok(VmResponse.from(actions.power(vmId(id), command, actor())));
    }

    /** Documents update()'s two answers, whose body types differ: the envelope around a VM ... */
    @Schema(name = "VmEnvelope", description = "Success envelope whose data is a VM", requiredProperties = {"code", "message"})
    record VmEnvelope(int code, String message, VmResponse data) {
    }

    /** ... and around the VM with its operation. */
    @Schema(name = "AcceptedVmEnvelope", description = "Success envelope whose data is a VM and its operation",
            requiredProperties = {"code", "message"})
    record AcceptedEnvelope(int code, String message, AcceptedResponse data) {
    }

    /** A one-time console WebSocket URL. */
    public record ConsoleLink(@Schema(description = "WebSocket URL with the one-time token") String url,
                              String token, java.time.Instant expiresAt) {
    }

    private Actor actor() {
        return new Actor(currentUser.id().value(), currentUser.isAdmin());
    }

    private static VmId vmId(String raw) {
        return new VmId(Ids.required("VM", raw));
    }

    /** 202 with the operation's {@code Location}: asynchronous work was accepted (SPEC section 2). */
    static <T> RestResponse<ApiResponse<T>> accepted(Operation op, T body) {
        return RestResponse.ResponseBuilder.create(RestResponse.Status.ACCEPTED, ApiResponse.accepted(body))
                .location(URI.create("/api/v1/operations/" + op.id())).build();
    }
}
