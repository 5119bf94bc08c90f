package io.proxima.application.monitoring.port.out;

/** What configuration says about integrations that have no port to ask (the mail relay, the PVE simulator). */
public record IntegrationFacts(boolean mailRelayConfigured, String mailRelay, boolean pveSimulator) {
}
