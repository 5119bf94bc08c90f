package io.proxima.bootstrap.vm;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.proxima.application.node.port.in.NodeAdministrationUseCase;
import io.proxima.bootstrap.identity.IdentityApi;
import io.proxima.bootstrap.identity.IdentityApi.Account;
import io.proxima.bootstrap.support.GreenMailResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A node played by WireMock, answering as PVE does when things go wrong: the clone is refused
 * with PVE's 500-and-reason-phrase error. The order must end truthfully — VM {@code error} with the
 * reason, operation failed, address released, nothing charged, nothing destroyed that is not ours.
 */
@QuarkusTest
@QuarkusTestResource(GreenMailResource.class)
class VmWireMockPveTest {

    private static final String UPID = "UPID:wm1:00001234:00005678:65A0B0C0:qmclone:9000:root@pam!proxima:";

    @Inject
    OperationsDrain operations;

    @Inject
    NodeAdministrationUseCase nodes;

    private WireMockServer pve;

    @BeforeEach
    void startPve() {
        pve = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        pve.start();
        pve.stubFor(get(urlEqualTo("/api2/json/version"))
                .willReturn(okJson("{\"data\":{\"version\":\"9.1.1\",\"release\":\"9.1\",\"repoid\":\"abc\"}}")));
        pve.stubFor(get(urlEqualTo("/api2/json/nodes/wm1/status")).willReturn(okJson("""
                {"data":{"cpu":0.05,"cpuinfo":{"cpus":32,"model":"EPYC"},"memory":{"total":274877906944,"used":1073741824,"free":273804165120},
                 "rootfs":{"total":107374182400,"used":1073741824},"loadavg":["0.10","0.20","0.30"],"uptime":1000,
                 "pveversion":"pve-manager/9.1.1","kversion":"Linux 6.8"}}""")));
        pve.stubFor(get(urlEqualTo("/api2/json/cluster/nextid")).willReturn(okJson("{\"data\":\"4242\"}")));
        // PVE reports failures as HTTP 500 with the text in the reason phrase.
        pve.stubFor(post(urlEqualTo("/api2/json/nodes/wm1/qemu/9000/clone"))
                .willReturn(aResponse().withStatus(500).withStatusMessage("unable to create VM 4242 - storage 'local-lvm' is full")
                        .withHeader("Content-Type", "application/json").withBody("{\"data\":null}")));
        pve.stubFor(get(urlPathMatching("/api2/json/nodes/wm1/qemu/4242/config.*"))
                .willReturn(aResponse().withStatus(500).withStatusMessage("Configuration file 'nodes/wm1/qemu-server/4242.conf' does not exist")
                        .withHeader("Content-Type", "application/json").withBody("{\"data\":null}")));
        pve.stubFor(delete(urlPathMatching("/api2/json/nodes/wm1/qemu/.*")).willReturn(okJson("{\"data\":\"" + UPID + "\"}")));
    }

    @AfterEach
    void stopPve() {
        pve.stop();
    }

    @Test
    void a_refused_clone_leaves_an_error_vm_a_free_address_and_no_charge() {
        Account admin = IdentityApi.admin();
        String suffix = Long.toString(System.nanoTime(), 36);
        String nodeId = admin.as().contentType(ContentType.JSON).body(Map.of("name", "wm-" + suffix, "pve_node", "wm1",
                        "api_url", "http://127.0.0.1:" + pve.port(), "api_token_id", "proxima@pve!test", "api_token_secret", "s3cret",
                        "location", "wm-" + suffix, "memory_overcommit", 1.0))
                .post("/api/v1/nodes").then().statusCode(201).extract().path("data.id");
        admin.as().post("/api/v1/nodes/" + nodeId + "/test-connection").then().statusCode(200)
                .body("data.connected", is(true)).body("data.pve_version", is("9.1.1"));
        nodes.heartbeatAll();
        String poolId = admin.as().contentType(ContentType.JSON).body(Map.of("name", "wm-pool-" + suffix, "node_id", nodeId,
                        "cidr", "192.0.2.0/28", "gateway", "192.0.2.1"))
                .post("/api/v1/admin/ip-pools").then().statusCode(201).extract().path("data.id");
        String templateId = admin.as().contentType(ContentType.JSON).body(Map.of("name", "wm " + suffix, "type", "qemu",
                        "os_family", "debian", "pve_vmid", 9000, "node_id", nodeId, "min_disk_gb", 10))
                .post("/api/v1/templates").then().statusCode(201).extract().path("data.id");
        String planId = admin.as().contentType(ContentType.JSON).body(Map.of("name", "wm plan " + suffix, "type", "qemu",
                        "cpu_cores", 1, "memory_mb", 1024, "disk_gb", 20, "price_hourly", "0.50", "price_monthly", "100.00",
                        "currency", "USD"))
                .post("/api/v1/plans").then().statusCode(201).extract().path("data.id");
        Account owner = VmFixtures.customerWithBalance(admin, "5.00");

        String vmId = owner.as().contentType(ContentType.JSON)
                .body(Map.of("hostname", "doomed", "plan_id", planId, "template_id", templateId,
                        "ssh_keys", List.of(VmFixtures.sshKey()), "location", "wm-" + suffix))
                .post("/api/v1/vms").then().statusCode(202).extract().path("data.vm.id");
        operations.drain();

        owner.as().get("/api/v1/vms/" + vmId).then().statusCode(200)
                .body("data.status", is("error"))
                .body("data.ip_addresses", hasSize(0));
        String reason = owner.as().get("/api/v1/vms/" + vmId).then().extract().path("data.status_reason");
        assertThat(reason).contains("storage 'local-lvm' is full");
        owner.as().get("/api/v1/vms/" + vmId + "/operations").then().statusCode(200)
                .body("data.items[0].status", is("failed"));
        owner.as().get("/api/v1/billing/balance").then().body("data.balance", is("5.00"));
        admin.as().get("/api/v1/admin/ip-pools/" + poolId).then().body("data.assigned", is(0));
        // The clone was tried once (never retried blindly) and nothing was destroyed: the guest never existed.
        pve.verify(1, postRequestedFor(urlEqualTo("/api2/json/nodes/wm1/qemu/9000/clone")));
        pve.verify(0, deleteRequestedFor(urlPathMatching("/api2/json/nodes/wm1/qemu/.*")));
    }
}
