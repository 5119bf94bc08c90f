package io.proxima.application.monitoring.service;

import io.proxima.application.billing.port.out.PaymentGateway;
import io.proxima.application.monitoring.port.in.PluginUseCase;
import io.proxima.application.monitoring.port.out.IntegrationFacts;
import io.proxima.application.monitoring.port.out.WebhookStore;
import io.proxima.application.node.service.NodeTransactions;
import io.proxima.domain.node.Node;
import io.proxima.domain.node.NodeStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Lists the integrations and their state from what runs: gateway beans, the webhook outbox, the
 * nodes' heartbeat. Switching them is done where each one is configured (gateways by
 * configuration, webhooks by their endpoint, PVE connections by their node's {@code enabled}).
 */
@ApplicationScoped
public class PluginService implements PluginUseCase {

    private final Instance<PaymentGateway> gateways;
    private final WebhookStore webhooks;
    private final NodeTransactions nodes;
    private final IntegrationFacts facts;

    @Inject
    public PluginService(Instance<PaymentGateway> gateways, WebhookStore webhooks, NodeTransactions nodes, IntegrationFacts facts) {
        this.gateways = gateways;
        this.webhooks = webhooks;
        this.nodes = nodes;
        this.facts = facts;
    }

    @Override
    @Transactional
    public List<Plugin> plugins() {
        List<Plugin> out = new ArrayList<>();
        for (PaymentGateway g : gateways) {
            out.add(new Plugin("payment." + g.name(), g.name(), "payment_gateway", g.enabled(), g.enabled(),
                    g.enabled() ? "ok" : "disabled", Map.of()));
        }
        out.add(new Plugin("notifier.email", "email", "notifier", true, facts.mailRelayConfigured(),
                facts.mailRelayConfigured() ? "ok" : "degraded",
                Map.of("relay", facts.mailRelayConfigured() ? facts.mailRelay() : "none (mock mailer: mails are logged)")));
        WebhookStore.Health h = webhooks.health();
        out.add(new Plugin("notifier.webhook", "webhook", "notifier", h.enabledEndpoints() > 0, h.enabledEndpoints() > 0,
                h.enabledEndpoints() == 0 ? "disabled" : h.retrying() > 0 || h.failed() > 0 ? "degraded" : "ok",
                Map.of("endpoints", h.enabledEndpoints(), "pending", h.pending(), "retrying", h.retrying(),
                        "failed_last_24h", h.failed())));
        for (Node n : nodes.enabledNodes()) {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("node_id", n.id());
            d.put("api_url", n.settings().apiUrl());
            d.put("pve_version", n.pveVersion());
            d.put("last_heartbeat", n.lastHeartbeatAt());
            d.put("simulator", facts.pveSimulator());
            String health = n.status() == NodeStatus.ONLINE ? "ok" : n.status() == NodeStatus.OFFLINE ? "down" : "degraded";
            out.add(new Plugin("pve." + n.id(), n.settings().name(), "hypervisor", n.settings().enabled(), true, health, d));
        }
        return out;
    }
}
