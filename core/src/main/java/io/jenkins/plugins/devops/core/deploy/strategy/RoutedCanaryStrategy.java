package io.jenkins.plugins.devops.core.deploy.strategy;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPBackendRef;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPBackendRefBuilder;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteRule;
import io.jenkins.plugins.devops.core.deploy.ClusterView;
import io.jenkins.plugins.devops.core.deploy.DeploymentPhase;
import io.jenkins.plugins.devops.core.deploy.DeploymentPlan;
import io.jenkins.plugins.devops.core.deploy.DeploymentRequest;
import io.jenkins.plugins.devops.core.deploy.InvalidRequestException;
import io.jenkins.plugins.devops.core.deploy.StrategySettings;
import io.jenkins.plugins.devops.core.deploy.manifest.ManifestSet;
import io.jenkins.plugins.devops.core.gate.GatePoint;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Canary whose weights are Gateway API HTTPRoute backendRef weights, so they are exact whatever the replica
 * counts. The engine adds two Services, {@code <service>-stable} and {@code <service>-canary}, selecting the
 * stable and canary pods by the label {@code devops.jenkins.io/track}; the stable Deployment gets
 * {@code track: stable} in its pod labels (the first routed deployment therefore re-rolls the stable pods once).
 * In every rule of the route, the backendRefs to the service are replaced by the two weighted ones. The stable
 * Deployment keeps its full replicas throughout; the canary gets ceil(replicas × weight / 100), at least 1, so each
 * side has at least its traffic share of the desired pods. In every step the pods are written and awaited first and
 * the route last, so the weight moves only to ready pods.
 * After promotion the route sends everything to {@code <service>-stable} again and the canary is scaled to 0.
 */
final class RoutedCanaryStrategy implements DeploymentStrategy {

    @Override
    public DeploymentPlan plan(DeploymentRequest request, String deploymentId, ClusterView cluster) {
        StrategySettings s = request.strategy();
        Deployment workload = WorkloadShaper.shape(request, deploymentId);
        Service front = request.objects().services().stream()
                .filter(svc -> BlueGreenStrategy.selects(svc, workload))
                .findFirst()
                .orElseThrow(() -> new InvalidRequestException("canary with httpRoute '" + s.httpRoute() + "' needs "
                        + "the Service that fronts Deployment/"
                        + workload.getMetadata().getName()
                        + " in the manifests, to derive the stable and canary Services"));
        HTTPRoute route = request.objects().objects().stream()
                .filter(o -> o instanceof HTTPRoute && o.getMetadata().getName().equals(s.httpRoute()))
                .map(HTTPRoute.class::cast)
                .findFirst()
                .orElseGet(() -> cluster.find(HTTPRoute.class, s.httpRoute()));
        if (route == null) {
            throw new InvalidRequestException("HTTPRoute '" + s.httpRoute() + "' is neither in the manifests nor in "
                    + "namespace " + request.namespace() + "; add it, or leave httpRoute out to use replica ratios");
        }
        String svc = front.getMetadata().getName();
        routeAt(route, svc, 0);
        String stableName = workload.getMetadata().getName();
        String canaryName = stableName + "-canary";
        Deployment stable = cluster.find(Deployment.class, stableName);
        cluster.find(Deployment.class, canaryName);
        cluster.find(Service.class, svc + "-stable");
        cluster.find(Service.class, svc + "-canary");
        if (stable == null) {
            return new CanaryStrategy().plan(request, deploymentId, cluster);
        }
        AutoscaledReplicas scaled = AutoscaledReplicas.resolve(
                request, cluster, workload.getSpec().getReplicas(), stable, Set.of(stableName));
        workload.getSpec().setReplicas(scaled.replicas());
        int total = workload.getSpec().getReplicas();
        List<HasMetadata> first = new ArrayList<>();
        request.objects().objects().stream()
                .filter(o -> !(o instanceof Deployment) && o != route)
                .forEach(o -> first.add(WorkloadShaper.stamp(ManifestSet.copy(o), request)));
        first.add(trackService(front, svc + "-stable", "stable", request));
        first.add(trackService(front, svc + "-canary", "canary", request));
        // Adding the track label re-rolls the stable pods once; surge-only, so the stable never runs short while the
        // original Service still sends it all the traffic. Promotion writes the manifest's strategy back.
        Deployment stableLabelled =
                WorkloadShaper.withSurgeOnly(withTrack(WorkloadShaper.scaled(stable, total), "stable"));
        List<DeploymentPhase> phases = new ArrayList<>();
        for (int i = 0; i < s.steps().size(); i++) {
            int weight = s.steps().get(i);
            boolean last = i == s.steps().size() - 1;
            int canaryReplicas = Math.max(1, (int) Math.ceil(total * weight / 100.0));
            List<HasMetadata> writes = new ArrayList<>(i == 0 ? first : List.of());
            // Pods first, route last: the weight moves only once both sides have their pods ready.
            writes.add(WorkloadShaper.variant(workload, canaryName, Labels.TRACK, "canary", canaryReplicas));
            writes.add(stableLabelled);
            writes.add(routeAt(route, svc, weight));
            phases.add(new DeploymentPhase(
                    "canary " + weight + "%",
                    weight,
                    Duration.ZERO,
                    writes,
                    List.of(canaryName, stableName),
                    last ? List.of(GatePoint.STEP, GatePoint.CONFIRM_PROMOTION) : List.of(GatePoint.STEP),
                    last ? Duration.ZERO : s.pause()));
        }
        List<HasMetadata> promotion = new ArrayList<>();
        List<String> promotionWaits = new ArrayList<>();
        if (s.steps().get(s.steps().size() - 1) < 100) {
            // The stable is about to replace its pods by the manifest's strategy: a full-size canary takes all the
            // traffic meanwhile.
            promotion.add(WorkloadShaper.variant(workload, canaryName, Labels.TRACK, "canary", total));
            promotion.add(routeAt(route, svc, 100));
            promotionWaits.add(canaryName);
        }
        promotion.add(withTrack(workload, "stable"));
        promotionWaits.add(stableName);
        phases.add(new DeploymentPhase(
                "promote", 100, Duration.ZERO, promotion, promotionWaits, List.of(), Duration.ZERO));
        phases.add(new DeploymentPhase(
                "route to stable, scale down canary",
                100,
                Duration.ZERO,
                List.of(
                        routeAt(route, svc, 0),
                        WorkloadShaper.variant(workload, canaryName, Labels.TRACK, "canary", 0)),
                List.of(canaryName),
                List.of(),
                Duration.ZERO));
        List<String> notes = new ArrayList<>();
        scaled.note().ifPresent(notes::add);
        notes.add("Weights by HTTPRoute " + s.httpRoute() + " backendRefs " + svc + "-stable / " + svc
                + "-canary; canary replicas = ceil(" + total + " x weight / 100), stable keeps " + total + ".");
        return new DeploymentPlan(
                request.service(),
                request.environment(),
                request.namespace(),
                s.name(),
                request.version(),
                WorkloadShaper.versionOf(stable),
                phases,
                notes,
                Map.of(
                        "newDeployment",
                        canaryName,
                        "canaryDeployment",
                        canaryName,
                        "stableDeployment",
                        stableName,
                        "canaryService",
                        svc + "-canary",
                        "stableService",
                        svc + "-stable",
                        "httpRoute",
                        s.httpRoute()));
    }

    private static Service trackService(Service front, String name, String track, DeploymentRequest request) {
        Service copy = WorkloadShaper.stamp(ManifestSet.copy(front), request);
        copy.getMetadata().setName(name);
        copy.getSpec().setClusterIP(null);
        copy.getSpec().setClusterIPs(null);
        Map<String, String> selector = new HashMap<>(copy.getSpec().getSelector());
        selector.put(Labels.TRACK, track);
        copy.getSpec().setSelector(selector);
        return copy;
    }

    private static Deployment withTrack(Deployment d, String track) {
        Deployment copy = ManifestSet.copy(d);
        Map<String, String> labels = new HashMap<>(WorkloadShaper.orEmpty(
                copy.getSpec().getTemplate().getMetadata().getLabels()));
        labels.put(Labels.TRACK, track);
        copy.getSpec().getTemplate().getMetadata().setLabels(labels);
        return copy;
    }

    /** The route with every backendRef to {@code svc} replaced by stable (100 − weight) and canary (weight). */
    static HTTPRoute routeAt(HTTPRoute base, String svc, int weight) {
        HTTPRoute route = ManifestSet.copy(base);
        route.setStatus(null);
        Set<String> ours = Set.of(svc, svc + "-stable", svc + "-canary");
        boolean found = false;
        List<HTTPRouteRule> rules = route.getSpec() == null || route.getSpec().getRules() == null
                ? List.of()
                : route.getSpec().getRules();
        for (HTTPRouteRule rule : rules) {
            List<HTTPBackendRef> refs = rule.getBackendRefs() == null ? List.of() : rule.getBackendRefs();
            HTTPBackendRef match = refs.stream()
                    .filter(r -> ours.contains(r.getName()))
                    .findFirst()
                    .orElse(null);
            if (match == null) {
                continue;
            }
            found = true;
            List<HTTPBackendRef> next = new ArrayList<>(
                    refs.stream().filter(r -> !ours.contains(r.getName())).toList());
            next.add(new HTTPBackendRefBuilder()
                    .withName(svc + "-stable")
                    .withPort(match.getPort())
                    .withWeight(100 - weight)
                    .build());
            next.add(new HTTPBackendRefBuilder()
                    .withName(svc + "-canary")
                    .withPort(match.getPort())
                    .withWeight(weight)
                    .build());
            rule.setBackendRefs(next);
        }
        if (!found) {
            throw new InvalidRequestException("HTTPRoute " + base.getMetadata().getName() + " has no backendRef to "
                    + "Service " + svc + "; point a rule at it so the engine can split its traffic");
        }
        return route;
    }
}
