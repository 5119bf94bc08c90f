package io.proxima.bootstrap.jobs;

import io.proxima.application.node.port.in.NodeAdministrationUseCase;
import io.proxima.application.vm.port.in.FirewallUseCase;
import io.proxima.application.vm.port.in.ReconciliationUseCase;
import io.proxima.application.vm.service.OperationRunner;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Triggers of the VM context's background work. Every instance runs them: operations are leased
 * one runner at a time (SKIP LOCKED) and renewed by a heartbeat while a step runs; heartbeats and
 * reconciliation claim their period, so one instance does each round.
 */
@ApplicationScoped
public class VmJobs {

    @Inject
    OperationRunner runner;

    @Inject
    NodeAdministrationUseCase nodes;

    @Inject
    ReconciliationUseCase reconciliation;

    @Inject
    FirewallUseCase firewall;

    @ConfigProperty(name = "proxima.nodes.heartbeat-interval", defaultValue = "30s")
    Duration heartbeatInterval;

    @ConfigProperty(name = "proxima.reconcile.interval", defaultValue = "30s")
    Duration reconcileInterval;

    @Scheduled(every = "${proxima.operations.poll-interval:2s}", delayed = "${proxima.operations.initial-delay:1s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void runOperations() {
        // Hands due operations to free workers and returns: steps run on the runner's own pool,
        // and a step waiting for PVE lets go of its worker, so this tick never blocks on PVE.
        runner.runDue();
    }

    @Scheduled(every = "${proxima.operations.heartbeat-interval:10s}", delayed = "${proxima.operations.initial-delay:1s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void renewOperationLeases() {
        // Keeps the short leases of running steps alive; a dead instance's leases run out in `lease`.
        runner.renewLeases();
    }

    @Scheduled(every = "${proxima.nodes.heartbeat-interval:30s}", delayed = "${proxima.nodes.initial-delay:2s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void heartbeat() {
        // One instance per period writes the heartbeats (job claim), so instances never race on a node.
        nodes.heartbeatIfDue(heartbeatInterval);
    }

    @Scheduled(every = "${proxima.reconcile.interval:30s}", delayed = "${proxima.reconcile.initial-delay:10s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void reconcile() {
        // Every instance ticks; the period claim lets one of them do the work per period.
        if (reconciliation.reconcileIfDue(reconcileInterval)) {
            // Same period as the claim: firewalls a failed PVE write left behind are written again.
            firewall.convergePending(100);
        }
    }
}
