package io.proxima.bootstrap.embedded;

import io.proxima.adapter.out.proxmox.simulator.PveSimulatorEndpoint;
import io.proxima.application.node.port.in.NodeAdministrationUseCase;
import io.proxima.application.node.port.in.NodeAdministrationUseCase.NodeCommand;
import io.proxima.application.system.port.in.SystemSettingsUseCase;
import io.proxima.application.vm.port.in.CatalogUseCase;
import io.proxima.domain.billing.Money;
import io.proxima.domain.node.IpPool;
import io.proxima.domain.node.Ipv4Cidr;
import io.proxima.domain.node.Node;
import io.proxima.domain.system.Setting;
import io.proxima.domain.vm.GuestType;
import io.proxima.domain.vm.Plan;
import io.proxima.domain.vm.ResourceSpec;
import io.proxima.domain.vm.Template;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Currency;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The embedded default's "cluster": when the built-in PVE simulator starts, its nodes are
 * registered (or their token refreshed, since the simulator makes a new secret per start), and an
 * empty catalogue gets a plan of each type, templates and an IP pool per node, so that a new user
 * can sign up and order a VM at once. Never runs against real nodes.
 */
@ApplicationScoped
public class EmbeddedDefaults {

    private static final Logger LOG = Logger.getLogger(EmbeddedDefaults.class);

    @Inject
    NodeAdministrationUseCase nodes;

    @Inject
    CatalogUseCase catalog;

    @Inject
    SystemSettingsUseCase settings;

    @ConfigProperty(name = "proxima.embedded.seed", defaultValue = "true")
    boolean seed;

    void onSimulator(@Observes PveSimulatorEndpoint endpoint) {
        if (!seed) {
            return;
        }
        int index = 0;
        for (String pveNode : endpoint.nodes()) {
            UUID nodeId = registerNode(endpoint, pveNode);
            seedNode(nodeId, pveNode, index++);
        }
        seedPlans();
        nodes.heartbeatAll();
        LOG.infof("embedded default: simulator nodes %s registered; catalogue ready", endpoint.nodes());
    }

    private UUID registerNode(PveSimulatorEndpoint endpoint, String pveNode) {
        Node.Settings settings = new Node.Settings(pveNode, pveNode, endpoint.baseUrl(), endpoint.tokenId(), null, false,
                "sim", 4.0, 1.5, "local-lvm", "vmbr0", true);
        NodeCommand command = new NodeCommand(settings, endpoint.tokenSecret());
        for (Node existing : nodes.list()) {
            if (existing.settings().name().equals(pveNode)) {
                nodes.update(existing.id(), command, null, null);
                return existing.id();
            }
        }
        return nodes.register(command, null).id();
    }

    private void seedNode(UUID nodeId, String pveNode, int index) {
        boolean hasTemplate = catalog.templates(true).stream().anyMatch(t -> nodeId.equals(t.nodeId()));
        if (!hasTemplate) {
            // The simulator gives each node one cloud-init QEMU template, vmids 9000, 9001 ...
            catalog.createTemplate(new Template(UUID.randomUUID(), "Debian 12 cloud (" + pveNode + ")", GuestType.QEMU,
                    "debian", 9000 + index, null, nodeId, 10, true, true, 0));
        }
        boolean hasPool = catalog.pools().stream().anyMatch(p -> nodeId.equals(p.nodeId()));
        if (!hasPool) {
            String net = "10.77." + index + ".0/24";
            Ipv4Cidr cidr = Ipv4Cidr.parse(net);
            catalog.createPool(new IpPool(UUID.randomUUID(), "sim-" + pveNode, nodeId, null, cidr, cidr.firstHost(),
                    Set.of(), List.of("1.1.1.1", "9.9.9.9"), 0));
        }
    }

    private void seedPlans() {
        if (catalog.templates(true).stream().noneMatch(t -> t.type() == GuestType.LXC)) {
            catalog.createTemplate(new Template(UUID.randomUUID(), "Debian 12 container", GuestType.LXC, "debian", null,
                    "local:vztmpl/debian-12-standard_12.7-1_amd64.tar.zst", null, 4, false, true, 0));
        }
        if (!catalog.plans(true).isEmpty()) {
            return;
        }
        Currency currency = Currency.getInstance(settings.text(Setting.CURRENCY));
        catalog.createPlan(new Plan(UUID.randomUUID(), "Starter", GuestType.QEMU, new ResourceSpec(1, 1024, 20), 1000, 2,
                Money.parse("0.01", currency, "price_hourly"), Money.parse("5.00", currency, "price_monthly"), true, 0));
        catalog.createPlan(new Plan(UUID.randomUUID(), "Standard", GuestType.QEMU, new ResourceSpec(2, 4096, 60), 3000, 5,
                Money.parse("0.03", currency, "price_hourly"), Money.parse("18.00", currency, "price_monthly"), true, 0));
        catalog.createPlan(new Plan(UUID.randomUUID(), "Container", GuestType.LXC, new ResourceSpec(1, 512, 8), 500, 2,
                Money.parse("0.01", currency, "price_hourly"),
                Money.parse("3.00", currency, "price_monthly"), true, 0));
    }
}
