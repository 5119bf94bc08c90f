package io.proxima.bootstrap.health;

import io.proxima.application.node.port.in.NodeAdministrationUseCase;
import io.proxima.domain.node.Node;
import io.proxima.domain.node.NodeStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness of the PVE side, from the nodes' last heartbeat (no PVE call per probe): every enabled
 * node is listed with its status. The instance is not ready when enabled nodes exist and none of
 * them answers, since it could then neither provision nor act on any guest.
 */
@Readiness
@ApplicationScoped
public class PveNodesReadiness implements HealthCheck {

    @Inject
    NodeAdministrationUseCase nodes;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder b = HealthCheckResponse.named("PVE nodes");
        List<Node> enabled = nodes.list().stream().filter(n -> n.settings().enabled()).toList();
        boolean anyUsable = enabled.isEmpty();
        for (Node n : enabled) {
            b.withData(n.settings().name(), n.status().wireName());
            anyUsable |= n.status() != NodeStatus.OFFLINE;
        }
        return b.status(anyUsable).build();
    }
}
