package io.proxima.adapter.in.rest.ticket;

import io.proxima.adapter.in.rest.common.ApiResponse;
import io.proxima.adapter.in.rest.common.PageParams;
import io.proxima.adapter.in.rest.common.PageResponse;
import io.proxima.adapter.in.rest.security.CurrentUser;
import io.proxima.adapter.in.rest.ticket.TicketDtos.AssigneeRequest;
import io.proxima.adapter.in.rest.ticket.TicketDtos.StatusRequest;
import io.proxima.adapter.in.rest.ticket.TicketDtos.TicketResponse;
import io.proxima.adapter.in.rest.ticket.TicketDtos.TicketSummary;
import io.proxima.application.ticket.port.in.TicketActor;
import io.proxima.application.ticket.port.in.TicketQueryUseCase;
import io.proxima.application.ticket.port.in.TicketUseCase;
import io.proxima.application.ticket.port.out.TicketRepository.TicketFilter;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The staff queue (seed 000 {@code /admin/tickets}): every ticket, filters, status and assignment. */
@Path("/api/v1/admin/tickets")
@Tag(name = "Tickets (staff)")
@RolesAllowed({"support", "admin"})
@Produces(MediaType.APPLICATION_JSON)
public class AdminTicketResource {

    @Inject
    CurrentUser currentUser;

    @Inject
    TicketUseCase tickets;

    @Inject
    TicketQueryUseCase query;

    /** Most recent activity first; {@code search} matches the subject. */
    @GET
    public ApiResponse<PageResponse<TicketSummary>> list(@BeanParam PageParams page, @QueryParam("status") String status,
                                                         @QueryParam("priority") String priority,
                                                         @QueryParam("category") String category,
                                                         @QueryParam("assignee_id") String assigneeId,
                                                         @QueryParam("user_id") String userId,
                                                         @QueryParam("search") String search) {
        String s = search == null || search.isBlank() ? null : search.strip();
        if (s != null && s.length() > 100) {
            s = s.substring(0, 100);
        }
        TicketFilter filter = new TicketFilter(TicketDtos.optionalId("user_id", userId), TicketResource.status(status),
                TicketResource.priority(priority), TicketResource.category(category),
                TicketDtos.optionalId("assignee_id", assigneeId), s);
        return ApiResponse.ok(PageResponse.of(query.list(filter, page.toPageRequest(), actor()), TicketSummary::from));
    }

    @PUT
    @Path("/{id}/status")
    @Consumes(MediaType.APPLICATION_JSON)
    public ApiResponse<TicketResponse> status(@PathParam("id") String id, StatusRequest r) {
        return ApiResponse.ok(TicketResource.changeStatus(tickets, id, r, actor()));
    }

    @PUT
    @Path("/{id}/assignee")
    @Consumes(MediaType.APPLICATION_JSON)
    public ApiResponse<TicketResponse> assign(@PathParam("id") String id, AssigneeRequest r) {
        return ApiResponse.ok(TicketResponse.from(tickets.assign(TicketDtos.pathId("Ticket", id),
                TicketDtos.optionalId("assignee_id", r == null ? null : r.assigneeId()), actor())));
    }

    private TicketActor actor() {
        return new TicketActor(currentUser.id().value(), currentUser.isStaff());
    }
}
