package io.proxima.adapter.in.rest.audit;

import io.proxima.adapter.in.rest.common.ApiResponse;
import io.proxima.adapter.in.rest.common.PageParams;
import io.proxima.adapter.in.rest.common.PageResponse;
import io.proxima.adapter.in.rest.security.CurrentUser;
import io.proxima.application.audit.AuditFilter;
import io.proxima.application.audit.port.in.AuditQueryUseCase;
import io.proxima.domain.shared.FieldError;
import io.proxima.domain.shared.ValidationException;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The audit log: the caller's own records (seed 001) and everything for administrators. */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Audit")
public class AuditLogResource {

    @Inject
    AuditQueryUseCase audit;

    @Inject
    CurrentUser currentUser;

    @GET
    @Path("/audit-logs")
    @Authenticated
    @Operation(summary = "The caller's own audit records, newest first (limit default 50, max 200; offset)")
    public ApiResponse<List<AuditLogResponse>> own(@QueryParam("limit") String limit, @QueryParam("offset") String offset) {
        List<FieldError> errors = new ArrayList<>();
        int l = integer("limit", limit, 50, errors);
        int o = integer("offset", offset, 0, errors);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return ApiResponse.ok(audit.ownRecords(currentUser.id().value(), l, o).stream().map(AuditLogResponse::from).toList());
    }

    @GET
    @Path("/admin/system/logs")
    @RolesAllowed("admin")
    @Operation(summary = "All audit records; filters user_id, action (exact or prefix such as auth), resource_type, resource_id, from, to")
    public ApiResponse<PageResponse<AuditLogResponse>> all(@QueryParam("user_id") String userId,
                                                           @QueryParam("action") String action,
                                                           @QueryParam("resource_type") String resourceType,
                                                           @QueryParam("resource_id") String resourceId,
                                                           @QueryParam("from") String from,
                                                           @QueryParam("to") String to,
                                                           @QueryParam("api_key_id") String apiKeyId,
                                                           @BeanParam PageParams page) {
        List<FieldError> errors = new ArrayList<>();
        UUID user = null;
        if (userId != null && !userId.isBlank()) {
            try {
                user = UUID.fromString(userId.trim());
            } catch (IllegalArgumentException e) {
                errors.add(FieldError.of("user_id", "validation.uuid", "must be a UUID"));
            }
        }
        Instant f = instant("from", from, false, errors);
        Instant t = instant("to", to, true, errors);
        UUID key = uuid("api_key_id", apiKeyId, errors);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        AuditFilter filter = new AuditFilter(user, blank(action), blank(resourceType), blank(resourceId), f, t, key);
        return ApiResponse.ok(PageResponse.of(audit.search(filter, page.toPageRequest()), AuditLogResponse::from));
    }

    private static UUID uuid(String field, String raw, List<FieldError> errors) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(raw.trim());
        } catch (IllegalArgumentException e) {
            errors.add(FieldError.of(field, "validation.uuid", "must be a UUID"));
            return null;
        }
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static int integer(String field, String raw, int fallback, List<FieldError> errors) {
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(raw.trim());
        } catch (NumberFormatException e) {
            errors.add(FieldError.of(field, "validation.integer", "must be an integer"));
            return fallback;
        }
    }

    /** An ISO instant, or a date (a {@code to} date includes that whole day). */
    private static Instant instant(String field, String raw, boolean endOfDay, List<FieldError> errors) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(raw.trim());
        } catch (DateTimeParseException notInstant) {
            try {
                LocalDate d = LocalDate.parse(raw.trim());
                return (endOfDay ? d.plusDays(1) : d).atStartOfDay().toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e) {
                errors.add(FieldError.of(field, "validation.date", "must be an ISO-8601 date or timestamp"));
                return null;
            }
        }
    }
}
