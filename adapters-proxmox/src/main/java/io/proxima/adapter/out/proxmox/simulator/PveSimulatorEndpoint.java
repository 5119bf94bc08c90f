package io.proxima.adapter.out.proxmox.simulator;

import java.util.List;

/**
 * What a running simulator offers, i.e. what to register as a PVE node: the base URL, the API
 * token and the PVE node names. Fired as a CDI event when the simulator starts.
 */
public record PveSimulatorEndpoint(String baseUrl, String tokenId, String tokenSecret, List<String> nodes) {

    public PveSimulatorEndpoint {
        nodes = List.copyOf(nodes);
    }

    @Override
    public String toString() {
        return "PveSimulatorEndpoint[" + baseUrl + ", " + tokenId + ", nodes=" + nodes + "]";
    }
}
