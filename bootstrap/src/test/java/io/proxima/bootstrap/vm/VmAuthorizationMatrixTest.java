package io.proxima.bootstrap.vm;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.proxima.adapter.out.proxmox.simulator.SimulatedPveCluster;
import io.proxima.application.node.port.in.NodeAdministrationUseCase;
import io.proxima.bootstrap.identity.IdentityApi;
import io.proxima.bootstrap.identity.IdentityApi.Account;
import io.proxima.bootstrap.support.GreenMailResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Every read and admin route of the VM context called as anonymous, the owner, another customer,
 * support staff, an admin, and the owner's read-only and read-write API keys; each answer's status
 * is checked against the expected one (owner's resources are 404 for others, admin routes 403).
 */
@QuarkusTest
@QuarkusTestResource(GreenMailResource.class)
@Tag("security")
class VmAuthorizationMatrixTest {

    @Inject
    SimulatedPveCluster cluster;

    @Inject
    OperationsDrain operations;

    @Inject
    NodeAdministrationUseCase nodes;

    record Route(String method, String path, Object body) {
    }

    @Test
    void every_route_answers_each_kind_of_caller_as_expected() {
        Account admin = IdentityApi.admin();
        VmFixtures.Catalog c = VmFixtures.catalog(admin, cluster.endpoint().orElseThrow(), 1024, 1, "0.01");
        nodes.heartbeatAll();
        Account owner = VmFixtures.customerWithBalance(admin, "5.00");
        Account stranger = VmFixtures.customerWithBalance(admin, null);
        Account support = IdentityApi.userWithRole("staff", "support");
        String vmId = owner.as().contentType(ContentType.JSON).body(VmFixtures.order(c, "matrix")).post("/api/v1/vms")
                .then().statusCode(202).extract().path("data.vm.id");
        operations.drain();
        String readKey = owner.as().contentType(ContentType.JSON).body(Map.of("name", "ro", "scopes", List.of("read")))
                .post("/api/v1/account/api-keys").then().statusCode(201).extract().path("data.key");
        String writeKey = owner.as().contentType(ContentType.JSON).body(Map.of("name", "rw", "scopes", List.of("read", "write")))
                .post("/api/v1/account/api-keys").then().statusCode(201).extract().path("data.key");

        Map<String, Function<RequestSpecification, RequestSpecification>> callers = new LinkedHashMap<>();
        callers.put("anonymous", r -> r);
        callers.put("owner", r -> r.header("Authorization", "Bearer " + owner.accessToken()));
        callers.put("stranger", r -> r.header("Authorization", "Bearer " + stranger.accessToken()));
        callers.put("support", r -> r.header("Authorization", "Bearer " + support.accessToken()));
        callers.put("admin", r -> r.header("Authorization", "Bearer " + admin.accessToken()));
        callers.put("read-key", r -> r.header("X-API-Key", readKey));
        callers.put("write-key", r -> r.header("X-API-Key", writeKey));

        // Expected status per caller, in the order above.
        Map<Route, int[]> expected = new LinkedHashMap<>();
        expected.put(new Route("GET", "/api/v1/vms/" + vmId, null), new int[] {401, 200, 404, 404, 200, 200, 200});
        expected.put(new Route("GET", "/api/v1/vms/" + vmId + "/stats", null), new int[] {401, 200, 404, 404, 200, 200, 200});
        expected.put(new Route("GET", "/api/v1/vms/" + vmId + "/snapshots", null), new int[] {401, 200, 404, 404, 200, 200, 200});
        expected.put(new Route("GET", "/api/v1/vms/" + vmId + "/firewall", null), new int[] {401, 200, 404, 404, 200, 200, 200});
        expected.put(new Route("GET", "/api/v1/vms/" + vmId + "/operations", null), new int[] {401, 200, 404, 404, 200, 200, 200});
        expected.put(new Route("GET", "/api/v1/vms/" + vmId + "/metrics/history", null), new int[] {401, 200, 404, 404, 200, 200, 200});
        expected.put(new Route("GET", "/api/v1/vms", null), new int[] {401, 200, 200, 200, 200, 200, 200});
        expected.put(new Route("POST", "/api/v1/vms/" + vmId + "/restart", null), new int[] {401, 200, 404, 404, 200, 403, 200});
        expected.put(new Route("POST", "/api/v1/vms/" + vmId + "/suspend", null), new int[] {401, 403, 403, 403, 200, 403, 403});
        expected.put(new Route("POST", "/api/v1/vms/" + vmId + "/unsuspend", null), new int[] {401, 403, 403, 403, 200, 403, 403});
        expected.put(new Route("GET", "/api/v1/nodes", null), new int[] {401, 403, 403, 403, 200, 403, 403});
        expected.put(new Route("GET", "/api/v1/nodes/" + c.nodeId() + "/metrics", null), new int[] {401, 403, 403, 403, 200, 403, 403});
        expected.put(new Route("GET", "/api/v1/admin/ip-pools", null), new int[] {401, 403, 403, 403, 200, 403, 403});
        expected.put(new Route("GET", "/api/v1/admin/reconciliation/unmanaged-guests", null), new int[] {401, 403, 403, 403, 200, 403, 403});
        expected.put(new Route("GET", "/api/v1/plans", null), new int[] {200, 200, 200, 200, 200, 200, 200});
        expected.put(new Route("GET", "/api/v1/templates", null), new int[] {401, 200, 200, 200, 200, 200, 200});
        expected.put(new Route("POST", "/api/v1/plans", Map.of("name", "x")), new int[] {401, 403, 403, 403, 422, 403, 403});
        expected.put(new Route("DELETE", "/api/v1/vms/" + vmId, null), new int[] {401, 202, 404, 404, 409, 403, 409});

        List<String> mismatches = new ArrayList<>();
        for (var e : expected.entrySet()) {
            Route route = e.getKey();
            int i = 0;
            for (var caller : callers.entrySet()) {
                RequestSpecification spec = caller.getValue().apply(given());
                if (route.body() != null) {
                    spec = spec.contentType(ContentType.JSON).body(route.body());
                }
                int status = spec.request(route.method(), route.path()).statusCode();
                int want = e.getValue()[i++];
                if (status != want) {
                    mismatches.add(route.method() + " " + route.path() + " as " + caller.getKey() + ": " + status + " (want " + want + ")");
                }
            }
        }
        assertThat(mismatches).isEmpty();
    }
}
