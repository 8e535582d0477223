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
 * ({@link ReplicaSplit}), and a phase's weight is that effective ratio, not the requested one. Each step scales the
 * canary up and waits until its pods are ready before it scales the stable down, so ready pods never fall below the
 * desired count; the gates run after each step. Promotion gives the stable Deployment the new spec and full
 * replicas (after scaling the canary to full size when the last step is below 100%), then scales the canary to 0.
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
                // Canary up and ready first, then the stable down: ready pods never fall below the desired count,
                // and the Service only ever spreads traffic over ready pods, so the weight is the pod ratio.
                writes.add(WorkloadShaper.variant(workload, canaryName, Labels.TRACK, "canary", split.canary()));
                writes.add(WorkloadShaper.scaled(stable, split.stable()));
                phases.add(new DeploymentPhase(
                        "canary " + weight + "%",
                        split.effectiveWeight(),
                        Duration.ZERO,
                        writes,
                        List.of(canaryName, stableName),
                        last ? List.of(GatePoint.STEP, GatePoint.CONFIRM_PROMOTION) : List.of(GatePoint.STEP),
                        last ? Duration.ZERO : s.pause()));
                if (split.effectiveWeight() != weight) {
                    notes.add("step " + weight + "%: " + weight + "% requested -> " + split.effectiveWeight()
                            + "% effective (" + split.canary() + " of " + (split.canary() + split.stable())
                            + " pods run the canary; replica ratio).");
                }
            }
            List<HasMetadata> promotion = new ArrayList<>();
            List<String> promotionWaits = new ArrayList<>();
            if (steps.get(steps.size() - 1) < 100) {
                // The stable Deployment is about to replace its old pods by the manifest's strategy; a full-size
                // canary carries the traffic meanwhile, so its maxUnavailable costs no capacity.
                promotion.add(WorkloadShaper.variant(workload, canaryName, Labels.TRACK, "canary", total));
                promotionWaits.add(canaryName);
            }
            promotion.add(workload);
            promotionWaits.add(stableName);
            phases.add(new DeploymentPhase(
                    "promote", 100, Duration.ZERO, promotion, promotionWaits, List.of(), Duration.ZERO));
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
