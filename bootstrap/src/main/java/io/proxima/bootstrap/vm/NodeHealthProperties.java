package io.proxima.bootstrap.vm;

import io.proxima.application.node.port.out.NodeHealthConfig;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

@ApplicationScoped
public class NodeHealthProperties implements NodeHealthConfig {

    @ConfigProperty(name = "proxima.nodes.offline-after-failures", defaultValue = "3")
    int offlineAfter;

    @Override
    public int offlineAfterFailures() {
        return Math.max(1, offlineAfter);
    }
}
