package io.proxima.adapter.in.rest.monitoring;

import io.proxima.adapter.in.rest.common.ApiResponse;
import io.proxima.adapter.in.rest.common.Ids;
import io.proxima.adapter.in.rest.common.PageParams;
import io.proxima.adapter.in.rest.common.PageResponse;
import io.proxima.adapter.in.rest.security.CurrentUser;
import io.proxima.application.monitoring.port.in.WebhookUseCase;
import io.proxima.application.monitoring.port.in.WebhookUseCase.EndpointCommand;
import io.proxima.application.monitoring.port.out.WebhookStore.Attempt;
import io.proxima.application.monitoring.port.out.WebhookStore.Delivery;
import io.proxima.application.monitoring.port.out.WebhookStore.Endpoint;
import io.proxima.application.vm.port.in.VmActionsUseCase.Actor;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Outgoing webhook endpoints, their delivery log and manual redelivery. Administrators' endpoints
 * receive every event; a customer's endpoint receives the events of the customer's own resources.
 */
@Path("/api/v1/webhooks")
@Tag(name = "Monitoring")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class WebhookResource {

    @Inject
    CurrentUser currentUser;

    @Inject
    WebhookUseCase webhooks;

    record EndpointRequest(String url, List<String> events, Boolean enabled, Boolean allowPrivate, String description) {
        EndpointCommand command() {
            return new EndpointCommand(url, events, enabled, allowPrivate, description);
        }
    }

    /** {@code secret} only in the answer to the creation. */
    record EndpointResponse(UUID id, UUID ownerId, String url, Set<String> events, boolean enabled, boolean allowPrivate,
                            String description, String secret, String signatureHeader, Instant createdAt, Instant updatedAt) {
        static EndpointResponse from(Endpoint e, String secret) {
            return new EndpointResponse(e.id(), e.ownerId(), e.url(), e.events(), e.enabled(), e.allowPrivate(), e.description(),
                    secret, "Proxima-Signature", e.createdAt(), e.updatedAt());
        }
    }

    record DeliveryResponse(UUID id, UUID eventId, UUID endpointId, String eventType, String status, int attempts,
                            Instant nextAttemptAt, Integer responseCode, String lastError, Instant createdAt,
                            Instant deliveredAt) {
        static DeliveryResponse from(Delivery d) {
            return new DeliveryResponse(d.id(), d.eventId(), d.endpointId(), d.eventType(), d.status(), d.attempts(),
                    "pending".equals(d.status()) ? d.nextAttemptAt() : null, d.lastStatusCode(), d.lastError(), d.createdAt(),
                    d.deliveredAt());
        }
    }

    @GET
    public ApiResponse<PageResponse<EndpointResponse>> list(@BeanParam PageParams page) {
        return ApiResponse.ok(PageResponse.of(webhooks.list(page.toPageRequest(), actor()), e -> EndpointResponse.from(e, null)));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@NotNull EndpointRequest r) {
        WebhookUseCase.CreatedEndpoint c = webhooks.create(r.command(), actor());
        return Response.status(201).entity(ApiResponse.created(EndpointResponse.from(c.endpoint(), c.secret()))).build();
    }

    @GET
    @Path("/{id}")
    public ApiResponse<EndpointResponse> get(@PathParam("id") String id) {
        return ApiResponse.ok(EndpointResponse.from(webhooks.get(Ids.required("Webhook", id), actor()), null));
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public ApiResponse<EndpointResponse> update(@PathParam("id") String id, @NotNull EndpointRequest r) {
        return ApiResponse.ok(EndpointResponse.from(webhooks.update(Ids.required("Webhook", id), r.command(), actor()), null));
    }

    @DELETE
    @Path("/{id}")
    public ApiResponse<Void> delete(@PathParam("id") String id) {
        webhooks.delete(Ids.required("Webhook", id), actor());
        return ApiResponse.ok(null);
    }

    @GET
    @Path("/{id}/deliveries")
    public ApiResponse<PageResponse<DeliveryResponse>> deliveries(@PathParam("id") String id, @BeanParam PageParams page) {
        return ApiResponse.ok(PageResponse.of(webhooks.deliveries(Ids.required("Webhook", id), page.toPageRequest(), actor()),
                DeliveryResponse::from));
    }

    @GET
    @Path("/{id}/deliveries/{delivery_id}/attempts")
    public ApiResponse<List<Attempt>> attempts(@PathParam("id") String id, @PathParam("delivery_id") String deliveryId) {
        return ApiResponse.ok(webhooks.attempts(Ids.required("Webhook", id), Ids.required("Webhook delivery", deliveryId), actor()));
    }

    @POST
    @Path("/{id}/deliveries/{delivery_id}/redeliver")
    public Response redeliver(@PathParam("id") String id, @PathParam("delivery_id") String deliveryId) {
        Delivery d = webhooks.redeliver(Ids.required("Webhook", id), Ids.required("Webhook delivery", deliveryId), actor());
        return Response.status(202).entity(ApiResponse.accepted(DeliveryResponse.from(d))).build();
    }

    private Actor actor() {
        return new Actor(currentUser.id().value(), currentUser.isAdmin());
    }
}
