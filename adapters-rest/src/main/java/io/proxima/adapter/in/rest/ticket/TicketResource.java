package io.proxima.adapter.in.rest.ticket;

import org.jboss.resteasy.reactive.RestResponse;
import io.proxima.adapter.in.rest.common.SuccessStatus;
import io.proxima.adapter.in.rest.common.ApiResponse;
import io.proxima.adapter.in.rest.common.PageParams;
import io.proxima.adapter.in.rest.common.PageResponse;
import io.proxima.adapter.in.rest.security.CurrentUser;
import io.proxima.adapter.in.rest.ticket.TicketDtos.CreateTicketRequest;
import io.proxima.adapter.in.rest.ticket.TicketDtos.MessageResponse;
import io.proxima.adapter.in.rest.ticket.TicketDtos.ReplyRequest;
import io.proxima.adapter.in.rest.ticket.TicketDtos.StatusRequest;
import io.proxima.adapter.in.rest.ticket.TicketDtos.TicketResponse;
import io.proxima.adapter.in.rest.ticket.TicketDtos.TicketSummary;
import io.proxima.application.ticket.port.in.TicketActor;
import io.proxima.application.ticket.port.in.TicketDetails;
import io.proxima.application.ticket.port.in.TicketQueryUseCase;
import io.proxima.application.ticket.port.in.TicketUseCase;
import io.proxima.application.ticket.port.in.TicketUseCase.OpenTicketCommand;
import io.proxima.application.ticket.port.in.TicketUseCase.ReplyCommand;
import io.proxima.application.ticket.port.in.TicketUseCase.Upload;
import io.proxima.application.ticket.port.out.TicketRepository.AttachmentContent;
import io.proxima.application.ticket.port.out.TicketRepository.TicketFilter;
import io.proxima.domain.shared.ValidationException;
import io.proxima.domain.ticket.AttachmentPolicy;
import io.proxima.domain.ticket.TicketCategory;
import io.proxima.domain.ticket.TicketPriority;
import io.proxima.domain.ticket.TicketStatus;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * Customers' tickets (seed 000): their own list, opening, the conversation, replies with
 * attachments and closing. Staff use the same routes for any ticket (replies, internal notes,
 * status) and {@link AdminTicketResource} for the queue and assignment.
 */
@Path("/api/v1/tickets")
@Tag(name = "Tickets")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class TicketResource {

    @Inject
    CurrentUser currentUser;

    @Inject
    TicketUseCase tickets;

    @Inject
    TicketQueryUseCase query;

    @GET
    public ApiResponse<PageResponse<TicketSummary>> list(@BeanParam PageParams page, @QueryParam("status") String status,
                                                         @QueryParam("priority") String priority,
                                                         @QueryParam("category") String category) {
        TicketFilter filter = new TicketFilter(currentUser.id().value(), status(status), priority(priority), category(category),
                null, null);
        // A customer's list is their own tickets, staff included: the queue is /admin/tickets.
        return ApiResponse.ok(PageResponse.of(query.list(filter, page.toPageRequest(),
                new TicketActor(currentUser.id().value(), false)), TicketSummary::from));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @SuccessStatus(201)
    public RestResponse<ApiResponse<TicketResponse>> create(CreateTicketRequest r) {
        CreateTicketRequest req = r == null ? new CreateTicketRequest(null, null, null, null, null) : r;
        return created(open(req, List.of()));
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @SuccessStatus(201)
    public RestResponse<ApiResponse<TicketResponse>> createMultipart(@RestForm String subject, @RestForm String body, @RestForm String priority,
                                    @RestForm String category, @RestForm("vm_id") String vmId,
                                    @RestForm("attachments") List<FileUpload> attachments) {
        return created(open(new CreateTicketRequest(subject, body, priority, category, vmId), uploads(attachments)));
    }

    @GET
    @Path("/{id}")
    public ApiResponse<TicketResponse> get(@PathParam("id") String id) {
        return ApiResponse.ok(TicketResponse.from(query.get(TicketDtos.pathId("Ticket", id), actor())));
    }

    @POST
    @Path("/{id}/messages")
    @Consumes(MediaType.APPLICATION_JSON)
    @SuccessStatus(201)
    public RestResponse<ApiResponse<MessageResponse>> reply(@PathParam("id") String id, ReplyRequest r) {
        ReplyRequest req = r == null ? new ReplyRequest(null, null) : r;
        return reply(id, new ReplyCommand(req.body(), Boolean.TRUE.equals(req.internal()), List.of()));
    }

    @POST
    @Path("/{id}/messages")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @SuccessStatus(201)
    public RestResponse<ApiResponse<MessageResponse>> replyMultipart(@PathParam("id") String id, @RestForm String body, @RestForm String internal,
                                   @RestForm("attachments") List<FileUpload> attachments) {
        return reply(id, new ReplyCommand(body, "true".equalsIgnoreCase(internal == null ? null : internal.trim()),
                uploads(attachments)));
    }

    @GET
    @Path("/{id}/attachments/{attachment_id}")
    @Produces(MediaType.WILDCARD)
    public Response attachment(@PathParam("id") String id, @PathParam("attachment_id") String attachmentId) {
        AttachmentContent c = query.attachment(TicketDtos.pathId("Ticket", id), TicketDtos.pathId("Attachment", attachmentId),
                actor());
        return Response.ok(c.bytes())
                .type(c.attachment().contentType())
                .header("Content-Disposition", "attachment; filename=\"" + c.attachment().fileName() + "\"")
                .header("X-Content-Type-Options", "nosniff")
                .header("Cache-Control", "private, no-store")
                .build();
    }

    @PUT
    @Path("/{id}/status")
    @Consumes(MediaType.APPLICATION_JSON)
    public ApiResponse<TicketResponse> status(@PathParam("id") String id, StatusRequest r) {
        return ApiResponse.ok(changeStatus(tickets, id, r, actor()));
    }

    static TicketResponse changeStatus(TicketUseCase tickets, String id, StatusRequest r, TicketActor actor) {
        TicketStatus target = TicketStatus.parse("status", r == null ? null : r.status());
        return TicketResponse.from(tickets.changeStatus(TicketDtos.pathId("Ticket", id), target, actor));
    }

    private TicketDetails open(CreateTicketRequest r, List<Upload> uploads) {
        return tickets.open(new OpenTicketCommand(r.subject(), r.body(), r.priority(), r.category(),
                TicketDtos.optionalId("vm_id", r.vmId())), uploads, actor());
    }

    private RestResponse<ApiResponse<MessageResponse>> reply(String id, ReplyCommand command) {
        var message = tickets.reply(TicketDtos.pathId("Ticket", id), command, actor());
        TicketDetails details = query.get(message.ticketId(), actor());
        return RestResponse.ResponseBuilder.create(RestResponse.Status.CREATED,
                ApiResponse.created(MessageResponse.from(message, details.attachmentsOf(message)))).build();
    }

    private static RestResponse<ApiResponse<TicketResponse>> created(TicketDetails details) {
        return RestResponse.ResponseBuilder.create(RestResponse.Status.CREATED, ApiResponse.created(TicketResponse.from(details)))
                .location(URI.create("/api/v1/tickets/" + details.ticket().id())).build();
    }

    private TicketActor actor() {
        return new TicketActor(currentUser.id().value(), currentUser.isStaff());
    }

    /** Reads the uploaded parts; the count is checked first so that a flood of files is not read. */
    private static List<Upload> uploads(List<FileUpload> files) {
        if (files == null || files.isEmpty()) {
            return List.of();
        }
        if (files.size() > AttachmentPolicy.MAX_FILES) {
            throw ValidationException.of("attachments", "validation.attachment_count",
                    "at most " + AttachmentPolicy.MAX_FILES + " files per message", AttachmentPolicy.MAX_FILES);
        }
        List<Upload> out = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            FileUpload f = files.get(i);
            if (f.size() > AttachmentPolicy.MAX_BYTES) {
                throw ValidationException.of("attachments[" + i + "]", "validation.attachment_size", "is larger than 5 MB", 5);
            }
            try {
                out.add(new Upload(f.fileName(), Files.readAllBytes(f.uploadedFile())));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
    }

    static TicketStatus status(String raw) {
        return raw == null || raw.isBlank() ? null : TicketStatus.parse("status", raw);
    }

    static TicketPriority priority(String raw) {
        return raw == null || raw.isBlank() ? null : TicketPriority.parse("priority", raw);
    }

    static TicketCategory category(String raw) {
        return raw == null || raw.isBlank() ? null : TicketCategory.parse("category", raw);
    }
}
