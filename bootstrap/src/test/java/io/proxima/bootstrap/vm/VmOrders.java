package io.proxima.bootstrap.vm;

import io.proxima.adapter.out.proxmox.simulator.PveSimulatorEndpoint;
import io.proxima.bootstrap.identity.IdentityApi.Account;
import io.restassured.http.ContentType;

/** For other contexts' flow tests: a customer with funds and an ordered VM, through {@link VmFixtures}. */
public final class VmOrders {

    private VmOrders() {
    }

    public record Ordered(Account owner, String vmId) {
    }

    /**
     * Sets up a catalogue on the simulator, funds a new customer and orders one VM (202, not yet
     * running). {@code heartbeat} runs after the node is registered (capacity comes from it).
     */
    public static Ordered orderVm(Account admin, PveSimulatorEndpoint sim, String hostname, Runnable heartbeat) {
        VmFixtures.Catalog c = VmFixtures.catalog(admin, sim, 512, 0, "0.01");
        heartbeat.run();
        Account owner = VmFixtures.customerWithBalance(admin, "10.00");
        String vmId = owner.as().contentType(ContentType.JSON).body(VmFixtures.order(c, hostname)).post("/api/v1/vms")
                .then().statusCode(202).extract().path("data.vm.id");
        return new Ordered(owner, vmId);
    }
}
