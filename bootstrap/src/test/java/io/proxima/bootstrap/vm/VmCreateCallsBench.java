package io.proxima.bootstrap.vm;

import io.proxima.adapter.out.proxmox.simulator.PveSimulator;
import io.proxima.adapter.out.proxmox.simulator.SimulatedPveCluster;
import io.proxima.application.node.port.in.NodeAdministrationUseCase;
import io.proxima.bootstrap.identity.IdentityApi;
import io.proxima.bootstrap.identity.IdentityApi.Account;
import io.proxima.bootstrap.support.GreenMailResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Not a test: counts the PVE requests of whole VM operations against the simulator (order to
 * running, a power action, deletion) and writes them to {@code bench.out}. Run by bench/vm-calls.sh.
 */
@QuarkusTest
@QuarkusTestResource(GreenMailResource.class)
@EnabledIfSystemProperty(named = "bench", matches = "true")
class VmCreateCallsBench {

    @Inject
    SimulatedPveCluster cluster;

    @Inject
    OperationsDrain operations;

    @Inject
    NodeAdministrationUseCase nodes;

    @Test
    void pve_calls_per_vm_operation() throws IOException {
        Account admin = IdentityApi.admin();
        VmFixtures.Catalog c = VmFixtures.catalog(admin, cluster.endpoint().orElseThrow(), 1024, 1, "0.01");
        nodes.heartbeatAll();
        Account owner = VmFixtures.customerWithBalance(admin, "50.00");
        PveSimulator sim = cluster.simulator().orElseThrow();
        StringBuilder out = new StringBuilder("| operation | PVE requests | by route |\n|---|---|---|\n");

        sim.resetCounts();
        String vm = owner.as().contentType(ContentType.JSON).body(VmFixtures.order(c, "counted")).post("/api/v1/vms")
                .then().statusCode(202).extract().path("data.vm.id");
        operations.drain();
        row(out, "order to running (QEMU clone, cloud-init, resize, start)", sim);

        sim.resetCounts();
        owner.as().post("/api/v1/vms/" + vm + "/restart").then().statusCode(200);
        row(out, "restart", sim);

        sim.resetCounts();
        owner.as().delete("/api/v1/vms/" + vm).then().statusCode(202);
        operations.drain();
        row(out, "deletion (stop, destroy)", sim);
        Files.writeString(Path.of(System.getProperty("bench.out", "target/vm-calls.md")), out.toString());
    }

    private static void row(StringBuilder out, String name, PveSimulator sim) {
        Map<String, Long> counts = sim.requestCounts();
        out.append("| ").append(name).append(" | ").append(sim.totalRequests()).append(" | ");
        counts.forEach((k, v) -> out.append('`').append(k).append("` ×").append(v).append("; "));
        out.append("|\n");
    }
}
