package io.proxima.bootstrap.platform;

import io.proxima.adapter.in.rest.common.ApiResponse;
import io.proxima.adapter.in.rest.common.PageParams;
import io.proxima.adapter.in.rest.common.PageResponse;
import io.proxima.application.shared.Page;
import io.proxima.domain.shared.NotFoundException;
import io.proxima.domain.shared.StateConflictException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.stream.IntStream;

/** Test-only endpoints that exercise the shared API conventions through real HTTP. */
@Path("/api/v1/_probe")
@Produces(MediaType.APPLICATION_JSON)
public class ConventionsProbeResource {

    public record ProbeRequest(@NotBlank String displayName, @NotNull @Email String email,
                               @Min(1) @Max(64) Integer cpuCores, List<@NotBlank String> sshKeys) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public ApiResponse<ProbeRequest> create(@Valid @NotNull ProbeRequest request) {
        return ApiResponse.created(request);
    }

    @GET
    @Path("/items")
    public ApiResponse<PageResponse<Integer>> items(@BeanParam PageParams params) {
        var request = params.toPageRequest();
        int total = 45;
        List<Integer> all = IntStream.rangeClosed(1, total).boxed().toList();
        int from = (int) Math.min(request.offset(), total);
        int to = Math.min(from + request.perPage(), total);
        return ApiResponse.ok(PageResponse.of(new Page<>(all.subList(from, to), request, total), i -> i));
    }

    @GET
    @Path("/missing/{id}")
    public ApiResponse<Void> missing(@PathParam("id") String id) {
        throw new NotFoundException("VM", id);
    }

    @POST
    @Path("/stop")
    public ApiResponse<Void> stop() {
        throw new StateConflictException("error.state_conflict", "VM is already stopped", "stopped");
    }

    @GET
    @Path("/boom")
    public ApiResponse<Void> boom() {
        throw new IllegalStateException("secret internals: password=hunter2 SELECT * FROM users");
    }
}
