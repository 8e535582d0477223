package io.jenkins.plugins.devops.core.deploy.strategy;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.jenkins.plugins.devops.core.deploy.ClusterView;
import io.jenkins.plugins.devops.core.deploy.DeploymentPhase;
import io.jenkins.plugins.devops.core.deploy.DeploymentPlan;
import io.jenkins.plugins.devops.core.deploy.DeploymentRequest;
import io.jenkins.plugins.devops.core.deploy.StrategySettings;
import io.jenkins.plugins.devops.core.gate.GatePoint;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Canary on plain Deployments: the stable Deployment keeps the workload's name, the canary runs as
 * {@code <name>-canary} with the extra pod label {@code devops.jenkins.io/track: canary}, and the Service (whose
 * selector both match) spreads traffic over the pods of both. Each step's weight is realised by the replica ratio
 * ({@link ReplicaSplit}); the gates run after each step. Promotion gives the stable Deployment the new spec and
 * full replicas, then scales the canary to 0.
 *
 * <p>When the stable Deployment does not exist yet there is nothing to compare against, so the first install is a
 * single rollout of the stable Deployment.
 */
final class CanaryStrategy implements DeploymentStrategy {

    @Override
    public DeploymentPlan plan(DeploymentRequest request, String deploymentId, ClusterView cluster) {
        StrategySettings s = request.strategy();
        Deployment workload = WorkloadShaper.shape(request, deploymentId);
        String stableName = workload.getMetadata().getName();
        String canaryName = stableName + "-canary";
        Deployment stable = cluster.find(Deployment.class, stableName);
        cluster.find(Deployment.class, canaryName);
        AutoscaledReplicas scaled = AutoscaledReplicas.resolve(
                request, cluster, workload.getSpec().getReplicas(), stable, Set.of(stableName));
        workload.getSpec().setReplicas(scaled.replicas());
        List<HasMetadata> supporting = new ArrayList<>();
        request.objects()
                .supporting()
                .forEach(o -> supporting.add(WorkloadShaper.stamp(InPlaceStrategy.copy(o), request)));
        request.objects()
                .services()
                .forEach(o -> supporting.add(WorkloadShaper.stamp(InPlaceStrategy.copy(o), request)));
        List<DeploymentPhase> phases = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        scaled.note().ifPresent(notes::add);
        int total = workload.getSpec().getReplicas();
        if (stable == null) {
            List<HasMetadata> writes = new ArrayList<>(supporting);
            writes.add(workload);
            phases.add(new DeploymentPhase(
                    "install",
                    100,
                    Duration.ZERO,
                    writes,
                    List.of(stableName),
                    List.of(GatePoint.STEP, GatePoint.CONFIRM_PROMOTION),
                    Duration.ZERO));
            notes.add("Deployment/" + stableName + " does not exist yet: first install without canary steps.");
        } else {
            List<Integer> steps = s.steps();
            for (int i = 0; i < steps.size(); i++) {
                int weight = steps.get(i);
                boolean last = i == steps.size() - 1;
                ReplicaSplit split = ReplicaSplit.of(total, weight);
                List<HasMetadata> writes = new ArrayList<>(i == 0 ? supporting : List.of());
                writes.add(WorkloadShaper.variant(workload, canaryName, Labels.TRACK, "canary", split.canary()));
                writes.add(WorkloadShaper.scaled(stable, split.stable()));
                phases.add(new DeploymentPhase(
                        "canary " + weight + "%",
                        weight,
                        Duration.ZERO,
                        writes,
                        List.of(canaryName, stableName),
                        last ? List.of(GatePoint.STEP, GatePoint.CONFIRM_PROMOTION) : List.of(GatePoint.STEP),
                        last ? Duration.ZERO : s.pause()));
                if (split.effectiveWeight() != weight) {
                    notes.add("step " + weight + "%: " + split.canary() + " canary + " + split.stable()
                            + " stable pods give an effective " + split.effectiveWeight() + "% (replica ratio).");
                }
            }
            phases.add(new DeploymentPhase(
                    "promote", 100, Duration.ZERO, List.of(workload), List.of(stableName), List.of(), Duration.ZERO));
            phases.add(new DeploymentPhase(
                    "scale down canary",
                    100,
                    Duration.ZERO,
                    List.of(WorkloadShaper.variant(workload, canaryName, Labels.TRACK, "canary", 0)),
                    List.of(canaryName),
                    List.of(),
                    Duration.ZERO));
            notes.add("Weights by replica ratio over " + total + " replicas: canary = round(" + total
                    + " x weight / 100), at least 1; stable = the rest, at least 1 below 100%.");
        }
        return new DeploymentPlan(
                request.service(),
                request.environment(),
                request.namespace(),
                s.name(),
                request.version(),
                WorkloadShaper.versionOf(stable),
                phases,
                notes,
                stable == null
                        ? Map.of("newDeployment", stableName, "stableDeployment", stableName)
                        : Map.of(
                                "newDeployment",
                                canaryName,
                                "canaryDeployment",
                                canaryName,
                                "stableDeployment",
                                stableName));
    }
}
