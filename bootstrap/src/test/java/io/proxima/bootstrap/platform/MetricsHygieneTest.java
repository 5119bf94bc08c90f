package io.proxima.bootstrap.platform;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.proxima.adapter.out.proxmox.simulator.SimulatedPveCluster;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Issue 11, item 12: no PVE task UPID and no token id becomes a metric label. */
@QuarkusTest
@Tag("security")
class MetricsHygieneTest {

    @Inject
    SimulatedPveCluster cluster;

    @Test
    void pve_paths_do_not_become_metric_labels() {
        var sim = cluster.endpoint().orElseThrow();
        for (int i = 0; i < 5; i++) {
            given().relaxedHTTPSValidation().header("Authorization", "PVEAPIToken=" + sim.tokenId() + "=" + sim.tokenSecret())
                    .get(sim.baseUrl() + "/api2/json/nodes/" + sim.nodes().get(0) + "/tasks/UPID:"
                            + sim.nodes().get(0) + ":0000AB" + i + ":qmstart:10" + i + ":" + sim.tokenId() + ":/status");
        }
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        // The calls were recorded, under one collapsed label.
        assertThat(metrics).contains("/api2/json/{path}");
        assertThat(metrics).doesNotContain("UPID:").doesNotContain(sim.tokenId()).doesNotContain(sim.tokenSecret());
    }
}
