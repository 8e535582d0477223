package io.jenkins.plugins.devops.core.deploy.strategy;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.jenkins.plugins.devops.core.deploy.ClusterView;
import io.jenkins.plugins.devops.core.deploy.DeploymentRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The replica count to write when a HorizontalPodAutoscaler owns a Deployment's scale. {@code kubectl apply} would
 * reset the count to the manifest's and drop capacity mid-deploy under load; like Argo Rollouts and Flux, the
 * engine keeps the live count instead (a first install takes the manifest's count clamped to the autoscaler's
 * minReplicas..maxReplicas). A live count of 0 means autoscaling is off (Kubernetes does not scale a Deployment at
 * 0), so the manifest wins then.
 *
 * <p>Autoscalers are looked for in the request's manifests (they replace a cluster object of the same name) and in
 * the namespace ({@code autoscaling/v2}, and {@code autoscaling/v1} for clusters older than 1.23).
 *
 * @param replicas the count to write
 * @param note why, for the plan; empty when no autoscaler targets the Deployment
 */
record AutoscaledReplicas(int replicas, Optional<String> note) {

    /**
     * @param manifestReplicas the manifest's count
     * @param live the Deployment serving now (its spec's count is kept), null for a first install
     * @param targets names of Deployments an autoscaler may target to count for this deployment
     */
    static AutoscaledReplicas resolve(
            DeploymentRequest request,
            ClusterView cluster,
            int manifestReplicas,
            Deployment live,
            Set<String> targets) {
        Scaler scaler = scalers(request, cluster).stream()
                .filter(s -> "Deployment".equals(s.targetKind()) && targets.contains(s.targetName()))
                .findFirst()
                .orElse(null);
        if (scaler == null) {
            return new AutoscaledReplicas(manifestReplicas, Optional.empty());
        }
        String who = "HorizontalPodAutoscaler/" + scaler.name() + " scales Deployment/" + scaler.targetName();
        Integer liveReplicas =
                live == null || live.getSpec() == null ? null : live.getSpec().getReplicas();
        if (live != null && (liveReplicas == null || liveReplicas > 0)) {
            int kept = liveReplicas == null ? 1 : liveReplicas;
            return new AutoscaledReplicas(
                    kept,
                    Optional.of(who + ": keeping the live " + kept + " replicas of Deployment/"
                            + live.getMetadata().getName() + " instead of the manifest's " + manifestReplicas + "."));
        }
        int clamped = Math.max(scaler.min(), Math.min(scaler.max(), manifestReplicas));
        return new AutoscaledReplicas(
                clamped,
                Optional.of(who + ": " + (live == null ? "first install" : "live replicas 0 (autoscaling off)")
                        + " with the manifest's " + manifestReplicas + " replicas clamped to " + scaler.min() + ".."
                        + scaler.max() + ": " + clamped + "."));
    }

    /** Autoscalers of the manifests, then those of the cluster that the manifests do not replace. */
    private static List<Scaler> scalers(DeploymentRequest request, ClusterView cluster) {
        Map<String, Scaler> byName = new LinkedHashMap<>();
        for (HasMetadata o : request.objects().objects()) {
            Scaler.of(o).ifPresent(s -> byName.put(s.name(), s));
        }
        for (HasMetadata o :
                cluster.list(io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler.class)) {
            Scaler.of(o).ifPresent(s -> byName.putIfAbsent(s.name(), s));
        }
        // autoscaling/v2 is missing before Kubernetes 1.23 (its list answers 404, i.e. nothing); every cluster
        // serves the same autoscalers as autoscaling/v1, so an existing one is never missed.
        for (HasMetadata o :
                cluster.list(io.fabric8.kubernetes.api.model.autoscaling.v1.HorizontalPodAutoscaler.class)) {
            Scaler.of(o).ifPresent(s -> byName.putIfAbsent(s.name(), s));
        }
        return new ArrayList<>(byName.values());
    }

    /** What the engine needs of an autoscaler, whatever its API version. */
    private record Scaler(String name, String targetKind, String targetName, int min, int max) {
        static Optional<Scaler> of(HasMetadata o) {
            if (o instanceof io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler h
                    && h.getSpec() != null
                    && h.getSpec().getScaleTargetRef() != null) {
                var ref = h.getSpec().getScaleTargetRef();
                return Optional.of(new Scaler(
                        h.getMetadata().getName(),
                        ref.getKind(),
                        ref.getName(),
                        orOne(h.getSpec().getMinReplicas()),
                        orMax(h.getSpec().getMaxReplicas())));
            }
            if (o instanceof io.fabric8.kubernetes.api.model.autoscaling.v1.HorizontalPodAutoscaler h
                    && h.getSpec() != null
                    && h.getSpec().getScaleTargetRef() != null) {
                var ref = h.getSpec().getScaleTargetRef();
                return Optional.of(new Scaler(
                        h.getMetadata().getName(),
                        ref.getKind(),
                        ref.getName(),
                        orOne(h.getSpec().getMinReplicas()),
                        orMax(h.getSpec().getMaxReplicas())));
            }
            return Optional.empty();
        }

        private static int orOne(Integer min) {
            return min == null ? 1 : min;
        }

        private static int orMax(Integer max) {
            return max == null ? Integer.MAX_VALUE : max;
        }
    }
}
