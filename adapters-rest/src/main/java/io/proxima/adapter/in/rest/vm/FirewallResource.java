package io.proxima.adapter.in.rest.vm;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import io.proxima.adapter.in.rest.common.Ids;

import io.proxima.adapter.in.rest.common.ApiResponse;
import io.proxima.adapter.in.rest.security.CurrentUser;
import io.proxima.application.vm.port.in.FirewallUseCase;
import io.proxima.application.vm.port.in.VmActionsUseCase.Actor;
import io.proxima.application.vm.port.out.FirewallRuleRepository.StoredRule;
import io.proxima.application.vm.port.out.FirewallRuleRepository.SyncState;
import io.proxima.domain.vm.FirewallRuleSpec;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Seed 001's rule paths: {@code PUT/DELETE /firewall/{id}}; list and create live under the VM. */
@Path("/api/v1/firewall")
@Tag(name = "Firewall")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class FirewallResource {

    @Inject
    CurrentUser currentUser;

    @Inject
    FirewallUseCase firewall;

    /** Seed 001's rule shape; {@code port} may be a number or a range such as "8000-8080". */
    // Values as FirewallRuleSpec enforces them.
    public record FirewallRuleRequest(@NotBlank @Schema(enumeration = {"inbound", "outbound"}) String direction,
                                      @NotBlank @Schema(enumeration = {"accept", "drop", "reject"}) String action,
                                      @Size(max = 8) @Schema(enumeration = {"tcp", "udp", "icmp", "icmpv6", "any"}) String protocol,
                                      @Size(max = 11) @Schema(pattern = "^[0-9]{1,5}(:[0-9]{1,5})?$", examples = "22") String port, @Size(max = 64) String source,
                                      @Size(max = 64) String destination, Boolean enabled, Integer position,
                                      @Size(max = 200) String comment) {

        FirewallRuleSpec toSpec() {
            return new FirewallRuleSpec(direction, action, protocol, port, source, destination, enabled == null || enabled,
                    position, comment);
        }
    }

    /**
     * {@code sync_status}: {@code applied} when PVE holds the VM's current rules, {@code pending}
     * while a write to PVE is still owed (reconciliation retries it); {@code sync_error} says why.
     */
    public record FirewallRuleResponse(UUID id, UUID vmId, String direction, String action, String protocol, String port,
                                       String source, String destination, boolean enabled, int position, String comment,
                                       Instant createdAt, Instant updatedAt, String syncStatus, String syncError) {

        static FirewallRuleResponse from(StoredRule r, SyncState sync) {
            FirewallRuleSpec s = r.spec();
            return new FirewallRuleResponse(r.id(), r.vmId(), s.direction(), s.action(), s.protocol().toUpperCase(),
                    s.port() == null ? null : s.port().replace(':', '-'), s.source() == null ? "0.0.0.0/0" : s.source(),
                    s.destination(), s.enabled(), s.position(), s.comment(), r.createdAt(), r.updatedAt(),
                    sync.pending() ? "pending" : "applied", sync.pending() ? sync.lastError() : null);
        }
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public ApiResponse<FirewallRuleResponse> update(@PathParam("id") String id, @Valid @NotNull FirewallRuleRequest r) {
        StoredRule rule = firewall.update(Ids.required("Firewall rule", id), r.toSpec(), actor());
        return ApiResponse.ok(FirewallRuleResponse.from(rule, firewall.syncState(rule.vmId(), actor())));
    }

    @DELETE
    @Path("/{id}")
    public ApiResponse<Void> delete(@PathParam("id") String id) {
        firewall.delete(Ids.required("Firewall rule", id), actor());
        return ApiResponse.ok(null);
    }

    private Actor actor() {
        return new Actor(currentUser.id().value(), currentUser.isAdmin());
    }
}
