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
 * Rolling and recreate: the Deployment is updated in place and the Kubernetes Deployment controller replaces the
 * pods (RollingUpdate with maxSurge/maxUnavailable, or Recreate). One phase; complete when the rollout is. The
 * request's maxSurge/maxUnavailable replace the manifest's; the default maxUnavailable 0 keeps every pod serving
 * until its replacement is ready, Recreate by definition has none ready in between (the plan says so).
 */
final class InPlaceStrategy implements DeploymentStrategy {
    private final boolean rolling;

    InPlaceStrategy(boolean rolling) {
        this.rolling = rolling;
    }

    @Override
    public DeploymentPlan plan(DeploymentRequest request, String deploymentId, ClusterView cluster) {
        StrategySettings s = request.strategy();
        Deployment workload = WorkloadShaper.shape(request, deploymentId);
        workload.getSpec()
                .setStrategy(
                        rolling
                                ? WorkloadShaper.rollingUpdate(s.maxSurge(), s.maxUnavailable())
                                : WorkloadShaper.recreate());
        Deployment current =
                cluster.find(Deployment.class, workload.getMetadata().getName());
        AutoscaledReplicas scaled = AutoscaledReplicas.resolve(
                request,
                cluster,
                workload.getSpec().getReplicas(),
                current,
                Set.of(workload.getMetadata().getName()));
        workload.getSpec().setReplicas(scaled.replicas());
        List<HasMetadata> writes = new ArrayList<>();
        request.objects().supporting().forEach(o -> writes.add(WorkloadShaper.stamp(copy(o), request)));
        request.objects().services().forEach(o -> writes.add(WorkloadShaper.stamp(copy(o), request)));
        writes.add(workload);
        String name = workload.getMetadata().getName();
        DeploymentPhase phase = new DeploymentPhase(
                rolling ? "rolling update" : "recreate",
                100,
                Duration.ZERO,
                writes,
                List.of(name),
                List.of(GatePoint.STEP, GatePoint.CONFIRM_PROMOTION),
                Duration.ZERO);
        List<String> notes = new ArrayList<>();
        if (current == null) {
            notes.add("Deployment/" + name + " does not exist yet: first install.");
        }
        scaled.note().ifPresent(notes::add);
        int replicas = workload.getSpec().getReplicas();
        if (rolling) {
            int unavailable = unavailable(s.maxUnavailable(), replicas);
            notes.add("RollingUpdate maxSurge " + s.maxSurge() + ", maxUnavailable " + s.maxUnavailable() + ": "
                    + (unavailable == 0
                            ? "no pod is taken away before its replacement is ready (" + replicas + " of " + replicas
                                    + " stay ready)."
                            : "ready pods may drop to " + Math.max(0, replicas - unavailable) + " of " + replicas
                                    + " during the update; maxUnavailable 0 keeps all of them."));
        } else if (current != null) {
            notes.add("Recreate stops every old pod before the new ones start: no pod is ready in between.");
        }
        return new DeploymentPlan(
                request.service(),
                request.environment(),
                request.namespace(),
                s.name(),
                request.version(),
                WorkloadShaper.versionOf(current),
                List.of(phase),
                notes,
                Map.of("newDeployment", name, "deployment", name));
    }

    /** maxUnavailable as a pod count, rounded down like the Deployment controller does. */
    static int unavailable(String maxUnavailable, int replicas) {
        if (maxUnavailable.endsWith("%")) {
            int percent = Integer.parseInt(maxUnavailable.substring(0, maxUnavailable.length() - 1));
            return replicas * percent / 100;
        }
        return Integer.parseInt(maxUnavailable);
    }

    static <T extends HasMetadata> T copy(T o) {
        return io.jenkins.plugins.devops.core.deploy.manifest.ManifestSet.copy(o);
    }
}
