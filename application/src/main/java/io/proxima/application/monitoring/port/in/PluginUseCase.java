package io.proxima.application.monitoring.port.in;

import java.util.List;
import java.util.Map;

/** The pluggable integrations (seed 003 "plugins"): payment gateways, notifiers, PVE connections. */
public interface PluginUseCase {

    /** {@code health}: ok, degraded, down or disabled. */
    record Plugin(String id, String name, String kind, boolean enabled, boolean configured, String health,
                  Map<String, Object> details) {
    }

    List<Plugin> plugins();
}
