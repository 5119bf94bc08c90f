package io.proxima.adapter.in.rest.user;

import io.proxima.adapter.in.rest.common.ApiResponse;
import io.proxima.adapter.in.rest.common.PageParams;
import io.proxima.adapter.in.rest.common.PageResponse;
import io.proxima.adapter.in.rest.security.CurrentUser;
import io.proxima.application.user.port.in.UserAdministrationUseCase;
import io.proxima.application.user.port.in.UserSearch;
import io.proxima.domain.shared.NotFoundException;
import io.proxima.domain.user.Role;
import io.proxima.domain.user.UserId;
import io.proxima.domain.user.UserStatus;
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
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.ResponseStatus;

/** Users (admin), SPEC section 3. Everyone may read their own account; the rest is for administrators. */
@Path("/api/v1/users")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Users (admin)")
public class UserResource {

    @Inject
    UserAdministrationUseCase users;

    @Inject
    CurrentUser currentUser;

    @GET
    @RolesAllowed("admin")
    @Operation(summary = "List users with filters role, status, search (username or email) and sort")
    public ApiResponse<PageResponse<UserResponse>> list(@QueryParam("role") String role,
                                                       @QueryParam("status") String status,
                                                       @QueryParam("search") String search,
                                                       @QueryParam("sort") String sort,
                                                       @BeanParam PageParams page) {
        UserSearch query = new UserSearch(role == null || role.isBlank() ? null : Role.fromCode("role", role),
                status == null || status.isBlank() ? null : UserStatus.fromCode("status", status), search, sort);
        return ApiResponse.ok(PageResponse.of(users.list(query, page.toPageRequest()), UserResponse::from));
    }

    @GET
    @Path("/{id}")
    @Authenticated
    @Operation(summary = "One user, with last_login_at (admins: anyone; others: themselves only)")
    public ApiResponse<UserResponse> get(@PathParam("id") String id) {
        return ApiResponse.ok(UserResponse.from(users.get(currentUser.principal(), userId(id))));
    }

    @POST
    @RolesAllowed("admin")
    @Consumes(MediaType.APPLICATION_JSON)
    @ResponseStatus(201)
    @Operation(summary = "Create a user with a role")
    public ApiResponse<UserResponse> create(@Valid @NotNull UserRequests.CreateUserRequest r) {
        return ApiResponse.created(UserResponse.from(users.create(currentUser.id(),
                new UserAdministrationUseCase.CreateUserCommand(r.username(), r.email(), r.password(), r.role(),
                        r.status(), r.phone(), r.language()))));
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed("admin")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Update username, email, role, status, phone, language")
    public ApiResponse<UserResponse> update(@PathParam("id") String id, @Valid @NotNull UserRequests.UpdateUserRequest r) {
        return ApiResponse.ok(UserResponse.from(users.update(currentUser.id(), userId(id),
                new UserAdministrationUseCase.UpdateUserCommand(r.username(), r.email(), r.role(), r.status(),
                        r.phone(), r.language()))));
    }

    @PUT
    @Path("/{id}/status")
    @RolesAllowed("admin")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Activate or disable; disabling revokes sessions and API keys at once")
    public ApiResponse<UserResponse> status(@PathParam("id") String id, @Valid @NotNull UserRequests.StatusRequest r) {
        return ApiResponse.ok(UserResponse.from(users.changeStatus(currentUser.id(), userId(id), r.status())));
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed("admin")
    @Operation(summary = "Soft delete: the account can no longer log in, its username and email stay reserved")
    public ApiResponse<Void> delete(@PathParam("id") String id, @QueryParam("force") String force) {
        users.delete(currentUser.id(), userId(id), "true".equalsIgnoreCase(force));
        return ApiResponse.ok(null);
    }

    static UserId userId(String raw) {
        try {
            return new UserId(UUID.fromString(raw));
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("User", raw);
        }
    }
}
