package io.proxima.adapter.in.rest.user;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Request bodies of the admin user routes. */
public final class UserRequests {

    private UserRequests() {
    }

    public record CreateUserRequest(@NotBlank @Size(max = 32) String username,
                                    @NotBlank @Email @Size(max = 254) String email,
                                    @NotBlank @Size(max = 128) String password,
                                    @Size(max = 16) String role, @Size(max = 32) String status,
                                    @Size(max = 32) String phone, @Size(max = 16) String language) {
    }

    public record UpdateUserRequest(@Size(min = 1, max = 32) String username,
                                    @Email @Size(min = 3, max = 254) String email,
                                    @Size(max = 16) String role, @Size(max = 32) String status,
                                    @Size(max = 32) String phone, @Size(max = 16) String language) {
    }

    public record StatusRequest(@NotBlank @Size(max = 32) String status) {
    }
}
