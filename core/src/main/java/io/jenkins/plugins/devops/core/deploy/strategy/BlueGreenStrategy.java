package io.jenkins.plugins.devops.core.deploy.strategy;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.jenkins.plugins.devops.core.deploy.ClusterView;
import io.jenkins.plugins.devops.core.deploy.DeploymentPhase;
import io.jenkins.plugins.devops.core.deploy.DeploymentPlan;
import io.jenkins.plugins.devops.core.deploy.DeploymentRequest;
import io.jenkins.plugins.devops.core.gate.GatePoint;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Blue-green with two Deployments {@code <service>-blue} and {@code <service>-green} (label
 * {@code devops.jenkins.io/slot}). The idle slot gets the new version and full replicas; once it is ready and the
 * gates pass, the Services that front the workload get the slot label in their selector; after
 * {@code scaleDownDelaySeconds} the old slot is scaled to 0 (0 keeps it running).
 *
 * <p>The active slot is read from the Service selector. When no slot is active yet (first blue-green deployment)
 * the new version goes to blue, and a Deployment with the workload's own name, if one exists, counts as the old
 * version.
 */
final class BlueGreenStrategy implements DeploymentStrategy {
    static final String BLUE = "blue";
    static final String GREEN = "green";

    @Override
    public DeploymentPlan plan(DeploymentRequest request, String deploymentId, ClusterView cluster) {
        Deployment workload = WorkloadShaper.shape(request, deploymentId);
        List<Service> fronting = new ArrayList<>();
        List<HasMetadata> otherServices = new ArrayList<>();
        for (Service s : request.objects().services()) {
            if (selects(s, workload)) {
                fronting.add(s);
            } else {
                otherServices.add(s);
            }
        }
        if (fronting.isEmpty()) {
            throw new io.jenkins.plugins.devops.core.deploy.InvalidRequestException("strategy blue-green needs a "
                    + "Service whose selector matches the pod labels of Deployment/"
                    + workload.getMetadata().getName() + "; none of the manifests' Services does");
        }
        Service live = cluster.find(Service.class, fronting.get(0).getMetadata().getName());
        String active = live == null || live.getSpec() == null || live.getSpec().getSelector() == null
                ? null
                : live.getSpec().getSelector().get(Labels.SLOT);
        String target = GREEN.equals(active) ? BLUE : GREEN.equals(active) || BLUE.equals(active) ? GREEN : BLUE;
        String targetName = request.service() + "-" + target;
        Deployment old = active == null
                ? cluster.find(Deployment.class, workload.getMetadata().getName())
                : cluster.find(Deployment.class, request.service() + "-" + active);
        AutoscaledReplicas scaled = AutoscaledReplicas.resolve(
                request,
                cluster,
                workload.getSpec().getReplicas(),
                old,
                Set.of(
                        workload.getMetadata().getName(),
                        request.service() + "-" + BLUE,
                        request.service() + "-" + GREEN));
        int replicas = scaled.replicas();
        Deployment slot = WorkloadShaper.variant(workload, targetName, Labels.SLOT, target, replicas);

        List<HasMetadata> first = new ArrayList<>();
        request.objects().supporting().forEach(o -> first.add(WorkloadShaper.stamp(InPlaceStrategy.copy(o), request)));
        otherServices.forEach(o -> first.add(WorkloadShaper.stamp(InPlaceStrategy.copy(o), request)));
        first.add(slot);
        List<HasMetadata> switched = new ArrayList<>();
        for (Service s : fronting) {
            Service copy = WorkloadShaper.stamp(InPlaceStrategy.copy(s), request);
            Map<String, String> selector = new HashMap<>(copy.getSpec().getSelector());
            selector.put(Labels.SLOT, target);
            copy.getSpec().setSelector(selector);
            WorkloadShaper.annotate(copy, Labels.STRATEGY, request.strategy().name());
            WorkloadShaper.annotate(copy, Labels.VERSION, request.version());
            switched.add(copy);
        }
        List<DeploymentPhase> phases = new ArrayList<>();
        phases.add(new DeploymentPhase(
                "deploy " + target,
                0,
                Duration.ZERO,
                first,
                List.of(targetName),
                List.of(GatePoint.STEP, GatePoint.CONFIRM_PROMOTION),
                Duration.ZERO));
        phases.add(new DeploymentPhase(
                "switch to " + target, 100, Duration.ZERO, switched, List.of(), List.of(), Duration.ZERO));
        List<String> notes = new ArrayList<>();
        scaled.note().ifPresent(notes::add);
        int delay = request.strategy().scaleDownDelaySeconds();
        if (old != null && delay > 0) {
            phases.add(new DeploymentPhase(
                    "scale down " + old.getMetadata().getName(),
                    100,
                    Duration.ofSeconds(delay),
                    List.of(WorkloadShaper.scaled(old, 0)),
                    List.of(old.getMetadata().getName()),
                    List.of(),
                    Duration.ZERO));
        } else if (old != null) {
            notes.add("scaleDownDelaySeconds 0: Deployment/" + old.getMetadata().getName()
                    + " keeps running for an instant switch back.");
        }
        notes.add(
                active == null
                        ? "No active slot yet: the new version goes to " + target + "."
                        : "Active slot " + active + "; the new version goes to " + target + ".");
        return new DeploymentPlan(
                request.service(),
                request.environment(),
                request.namespace(),
                request.strategy().name(),
                request.version(),
                WorkloadShaper.versionOf(old),
                phases,
                notes,
                Map.of(
                        "newDeployment",
                        targetName,
                        "previewDeployment",
                        targetName,
                        "activeService",
                        fronting.get(0).getMetadata().getName()));
    }

    static boolean selects(Service s, Deployment d) {
        if (s.getSpec() == null
                || s.getSpec().getSelector() == null
                || s.getSpec().getSelector().isEmpty()) {
            return false;
        }
        Map<String, String> podLabels =
                WorkloadShaper.orEmpty(d.getSpec().getTemplate().getMetadata().getLabels());
        return s.getSpec().getSelector().entrySet().stream()
                .filter(e -> !e.getKey().equals(Labels.SLOT))
                .allMatch(e -> e.getValue().equals(podLabels.get(e.getKey())));
    }
}
