package io.jenkins.plugins.devops.core.deploy;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.jenkins.plugins.devops.core.gate.GatePoint;
import io.jenkins.plugins.devops.core.kube.PodFailureDetector;
import io.jenkins.plugins.devops.core.kube.ResourceWriter;
import io.jenkins.plugins.devops.core.kube.RolloutWatcher;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Executes one phase: wait, write (each awaited Deployment is followed until it has rolled out before the next object
 * is written), report the weight, ask the gates, pause.
 */
final class PhaseRunner {
    private final ResourceWriter writer;
    private final RolloutWatcher watcher;
    private final GateRunner gates;
    private final RunLog log;
    private final Duration progressDeadline;
    private final PodFailureDetector podFailures;
    private final Clock clock;

    PhaseRunner(
            ResourceWriter writer,
            RolloutWatcher watcher,
            GateRunner gates,
            RunLog log,
            Duration progressDeadline,
            PodFailureDetector podFailures,
            Clock clock) {
        this.writer = writer;
        this.watcher = watcher;
        this.gates = gates;
        this.log = log;
        this.progressDeadline = progressDeadline;
        this.podFailures = podFailures;
        this.clock = clock;
    }

    private void await(String name, long generation) throws InterruptedException {
        watcher.awaitRollout(name, generation, progressDeadline, podFailures, log.listener()::podsReady);
    }

    /**
     * @throws GateFailedException, RolloutFailedException, KubernetesClientException on failure
     */
    void run(DeploymentPhase phase, int index, int phaseCount) throws InterruptedException {
        run(phase, index, phaseCount, Duration.ZERO);
    }

    /**
     * @param alreadyWaited how long ago the previous phase finished: a resumed phase waits only the rest of its
     *     {@code waitBefore} (a blue-green scale-down delay keeps running while the process is down)
     */
    void run(DeploymentPhase phase, int index, int phaseCount, Duration alreadyWaited) throws InterruptedException {
        Instant started = clock.instant();
        log.listener().phaseStarted(phase.name(), index, phaseCount);
        String result = "failed";
        try {
            Duration wait = phase.waitBefore().minus(alreadyWaited);
            if (!wait.isNegative() && !wait.isZero()) {
                log.listener().message(phase.name() + ": waiting " + wait.toSeconds() + " s");
                Thread.sleep(wait.toMillis());
            }
            // Each Deployment the phase waits for is waited on right after its own write, before the next object is
            // written: the strategies order the writes so that the side that will take traffic is scaled up and ready
            // before the other side shrinks or the traffic moves (docs/architecture.md, "Capacity").
            List<String> awaited = new ArrayList<>();
            for (HasMetadata object : phase.writes()) {
                HasMetadata cached = object instanceof Deployment
                        ? watcher.cached(object.getMetadata().getName())
                        : null;
                HasMetadata stored = writer.write(object, cached);
                if (stored instanceof Deployment d
                        && phase.awaitRollout().contains(d.getMetadata().getName())) {
                    Long g = d.getMetadata().getGeneration();
                    await(d.getMetadata().getName(), g == null ? 0 : g);
                    awaited.add(d.getMetadata().getName());
                }
            }
            for (String name : phase.awaitRollout()) {
                if (!awaited.contains(name)) {
                    await(name, 0L);
                }
            }
            log.listener().weightChanged(phase.weight());
            for (GatePoint point : phase.gates()) {
                gates.evaluate(point, index, phase.weight());
            }
            if (!phase.pauseAfter().isZero()) {
                log.listener()
                        .message(
                                phase.name() + ": pausing " + phase.pauseAfter().toSeconds() + " s");
                Thread.sleep(phase.pauseAfter().toMillis());
            }
            result = "passed";
        } catch (InterruptedException e) {
            result = "aborted";
            throw e;
        } catch (RuntimeException e) {
            result = "failed: " + e.getMessage();
            throw e;
        } finally {
            log.phase(new PhaseRecord(phase.name(), phase.weight(), started, clock.instant(), result));
        }
    }
}
