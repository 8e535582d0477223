package io.jenkins.plugins.devops.bench;

import io.jenkins.plugins.devops.core.deploy.DeploymentEngine;
import io.jenkins.plugins.devops.core.deploy.DeploymentRecord;
import io.jenkins.plugins.devops.core.deploy.DeploymentRequest;
import io.jenkins.plugins.devops.core.deploy.EngineOptions;
import io.jenkins.plugins.devops.core.deploy.ProgressListener;
import io.jenkins.plugins.devops.core.deploy.StrategySettings;
import io.jenkins.plugins.devops.core.gate.CrashLoopGate;
import io.jenkins.plugins.devops.core.gate.HealthGate;
import io.jenkins.plugins.devops.core.gate.ReadinessGate;
import io.jenkins.plugins.devops.core.kube.testing.MockCluster;
import io.jenkins.plugins.devops.core.kube.testing.RecordingDispatcher;
import io.jenkins.plugins.devops.core.kube.testing.TestManifests;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Measures the deployment engine against the fabric8 mock server with the fake Deployment controller:
 *
 * <ul>
 *   <li>API requests per canary step (watch events excluded; a watch counts as one request when opened), split
 *       into the per-step cost and the fixed per-deployment cost;
 *   <li>the delay between the controller marking a Deployment's rollout complete (just before it sends the status
 *       write) and the engine noticing it (its pods-ready callback with ready = desired).
 * </ul>
 *
 * <p>Not a JMH benchmark: both numbers are counts and latencies of single events, not throughput; JMH would time
 * the whole deployment instead. Run with {@code bench/scripts/engine.sh} (arguments: deployments, replicas).
 */
public final class DeploymentEngineMeasurement {
    private static final List<Integer> STEPS = List.of(10, 25, 50, 75, 100);

    private DeploymentEngineMeasurement() {}

    public static void main(String[] args) {
        int deployments = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int replicas = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        System.out.printf(
                Locale.ROOT,
                "canary steps %s, %d replicas, %d deployments per configuration%n",
                STEPS,
                replicas,
                deployments);
        run(deployments, replicas, false);
        run(deployments, replicas, true);
    }

    private static void run(int deployments, int replicas, boolean builtInGates) {
        List<Double> perStep = new ArrayList<>();
        List<Double> fixed = new ArrayList<>();
        List<Long> delaysMs = new ArrayList<>();
        try (MockCluster cluster = MockCluster.start("bench")) {
            DeploymentEngine engine = new DeploymentEngine(cluster.client(), EngineOptions.defaults());
            List<HealthGate> gates = builtInGates
                    ? List.of(new ReadinessGate(cluster.client()), new CrashLoopGate(cluster.client(), 3))
                    : List.of();
            deploy(engine, cluster, "0.0.0", replicas, gates, new ArrayList<>());
            for (int i = 1; i <= deployments; i++) {
                cluster.traffic().clearRequests();
                List<Instant> phaseStarts = new ArrayList<>();
                List<Long> delays = new ArrayList<>();
                Instant started = Instant.now();
                DeploymentRecord record =
                        deploy(engine, cluster, "1." + i + ".0", replicas, gates, phaseStarts, delays);
                Instant finished = Instant.now();
                if (!record.outcome().isSuccess()) {
                    throw new IllegalStateException("deployment failed: " + record.failureReason());
                }
                List<RecordingDispatcher.Request> requests = cluster.traffic().nonWatchRequests();
                int steps = STEPS.size();
                long inSteps = requests.stream()
                        .filter(r -> !r.time().isBefore(phaseStarts.get(0))
                                && r.time().isBefore(phaseStarts.get(steps)))
                        .count();
                perStep.add(inSteps / (double) steps);
                fixed.add((double) (requests.size() - inSteps));
                delaysMs.addAll(delays);
                if (i == deployments) {
                    System.out.println("requests of step 2 (" + STEPS.get(1) + "%) of the last deployment"
                            + (builtInGates ? " with gates" : "") + ":");
                    requests.stream()
                            .filter(r -> !r.time().isBefore(phaseStarts.get(1))
                                    && r.time().isBefore(phaseStarts.get(2)))
                            .forEach(r -> System.out.println("  " + r.method() + " " + r.path() + " -> " + r.status()));
                }
                if (Duration.between(started, finished).isNegative()) {
                    throw new IllegalStateException("clock went backwards");
                }
            }
        }
        System.out.printf(
                Locale.ROOT,
                "%-22s requests/step median %.1f max %.1f | other requests per deployment median %.0f"
                        + " | ready->noticed ms median %d p95 %d max %d (n=%d)%n",
                builtInGates ? "readiness+crash gates" : "no gates",
                median(perStep),
                Collections.max(perStep),
                median(fixed),
                percentile(delaysMs, 50),
                percentile(delaysMs, 95),
                Collections.max(delaysMs),
                delaysMs.size());
    }

    private static DeploymentRecord deploy(
            DeploymentEngine engine,
            MockCluster cluster,
            String version,
            int replicas,
            List<HealthGate> gates,
            List<Instant> phaseStarts) {
        return deploy(engine, cluster, version, replicas, gates, phaseStarts, new ArrayList<>());
    }

    private static DeploymentRecord deploy(
            DeploymentEngine engine,
            MockCluster cluster,
            String version,
            int replicas,
            List<HealthGate> gates,
            List<Instant> phaseStarts,
            List<Long> delays) {
        DeploymentRequest request = DeploymentRequest.builder()
                .service("shop")
                .environment("bench")
                .namespace("bench")
                .manifests(TestManifests.app("shop", "registry/shop:0", replicas, "v"))
                .image("registry/shop:" + version)
                .strategy(StrategySettings.canary(STEPS))
                .progressDeadline(Duration.ofSeconds(120))
                .build();
        ProgressListener listener = new ProgressListener() {
            @Override
            public void phaseStarted(String phase, int index, int phaseCount) {
                phaseStarts.add(Instant.now());
            }

            @Override
            public void podsReady(String deployment, int ready, int desired) {
                Instant noticed = Instant.now();
                Instant marked = cluster.controller().markedComplete(deployment);
                if (ready == desired && desired > 0 && marked != null && deployment.endsWith("-canary")) {
                    delays.add(Duration.between(marked, noticed).toMillis());
                }
            }
        };
        return engine.deploy(request, gates, listener);
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static long percentile(List<Long> values, int p) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }
}
