package io.proxima.adapter.in.rest.system;

import io.proxima.adapter.in.rest.common.ApiResponse;
import io.proxima.adapter.in.rest.security.CurrentUser;
import io.proxima.application.system.port.in.SystemSettingsUseCase;
import io.proxima.domain.shared.ValidationException;
import io.proxima.domain.system.Setting;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Typed run-time settings (seed 000 system config): registration, verification, currency, grace period ... */
@Path("/api/v1/admin/system/config")
@Tag(name = "System (admin)")
@RolesAllowed("admin")
@Produces(MediaType.APPLICATION_JSON)
public class SystemConfigResource {

    @Inject
    SystemSettingsUseCase settings;

    @Inject
    CurrentUser currentUser;


    @GET
    public ApiResponse<Map<String, Object>> get() {
        return ApiResponse.ok(view(settings.all()));
    }

    /** A partial update: only the keys sent change; an unknown key or a wrongly typed value changes nothing (422). */
    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    public ApiResponse<Map<String, Object>> update(Map<String, Object> changes) {
        if (changes == null || changes.isEmpty()) {
            throw ValidationException.of("settings", "validation.required", "is required");
        }
        Map<String, String> raw = new LinkedHashMap<>();
        changes.forEach((k, v) -> raw.put(k, v == null ? null : String.valueOf(v)));
        Map<Setting, String> result = settings.update(raw, currentUser.id().value());
        return ApiResponse.ok(view(result));
    }

    private static Map<String, Object> view(Map<Setting, String> values) {
        Map<String, Object> out = new LinkedHashMap<>();
        values.forEach((s, v) -> out.put(s.key(), switch (s.type()) {
            case BOOLEAN -> Boolean.parseBoolean(v);
            case INTEGER -> Integer.parseInt(v);
            case CURRENCY, TIME_ZONE -> v;
        }));
        return out;
    }
}
