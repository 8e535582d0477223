package io.jenkins.plugins.devops.core.deploy;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.jenkins.plugins.devops.core.kube.ServedApis;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Fits a plan to the API versions the cluster serves, before anything is written: an object whose apiVersion the
 * cluster does not serve is written in an equivalent version it does serve (the pairs below have the same fields),
 * or the plan is refused, naming the versions the cluster serves.
 *
 * <p>For example on Kubernetes 1.20 a {@code policy/v1} PodDisruptionBudget is written as {@code policy/v1beta1}
 * and an {@code autoscaling/v2} HorizontalPodAutoscaler as {@code autoscaling/v2beta2}.
 */
final class ServedVersions {
    /** Kind and apiVersion to the versions with the same schema, in order of preference. */
    private static final Map<String, List<String>> EQUIVALENT = Map.of(
            "PodDisruptionBudget policy/v1", List.of("policy/v1beta1"),
            "PodDisruptionBudget policy/v1beta1", List.of("policy/v1"),
            "HorizontalPodAutoscaler autoscaling/v2", List.of("autoscaling/v2beta2"),
            "HorizontalPodAutoscaler autoscaling/v2beta2", List.of("autoscaling/v2"),
            "CronJob batch/v1", List.of("batch/v1beta1"),
            "CronJob batch/v1beta1", List.of("batch/v1"));

    private final ServedApis apis;
    private final KubernetesSerialization serialization;

    ServedVersions(ServedApis apis, KubernetesSerialization serialization) {
        this.apis = apis;
        this.serialization = serialization;
    }

    /**
     * The plan with every object in a served version.
     *
     * @throws InvalidRequestException listing, one line per object, the kinds the cluster does not serve
     */
    DeploymentPlan fit(DeploymentPlan plan) {
        Map<String, String> replacement = new LinkedHashMap<>(); // "Kind apiVersion" -> served apiVersion
        Set<String> refused = new LinkedHashSet<>();
        for (DeploymentPhase phase : plan.phases()) {
            for (HasMetadata o : phase.writes()) {
                String kindVersion = o.getKind() + " " + o.getApiVersion();
                if (replacement.containsKey(kindVersion) || apis.serves(o.getApiVersion(), o.getKind())) {
                    continue;
                }
                String served = EQUIVALENT.getOrDefault(kindVersion, List.of()).stream()
                        .filter(v -> apis.serves(v, o.getKind()))
                        .findFirst()
                        .orElse(null);
                if (served != null) {
                    replacement.put(kindVersion, served);
                } else {
                    refused.add(refusal(o));
                }
            }
        }
        if (!refused.isEmpty()) {
            throw new InvalidRequestException("the cluster does not serve these API versions (nothing was changed):\n  "
                    + String.join("\n  ", refused));
        }
        if (replacement.isEmpty()) {
            return plan;
        }
        List<DeploymentPhase> phases = new ArrayList<>();
        for (DeploymentPhase p : plan.phases()) {
            List<HasMetadata> writes = p.writes().stream()
                    .map(o -> convert(o, replacement.get(o.getKind() + " " + o.getApiVersion())))
                    .toList();
            phases.add(new DeploymentPhase(
                    p.name(), p.weight(), p.waitBefore(), writes, p.awaitRollout(), p.gates(), p.pauseAfter()));
        }
        List<String> notes = new ArrayList<>(plan.notes());
        replacement.forEach((kindVersion, served) -> {
            String[] kv = kindVersion.split(" ");
            notes.add(
                    kv[0] + ": the cluster does not serve " + kv[1] + "; written as " + served + " (the same fields).");
        });
        return new DeploymentPlan(
                plan.service(),
                plan.environment(),
                plan.namespace(),
                plan.strategy(),
                plan.version(),
                plan.previousVersion(),
                phases,
                notes,
                plan.targets());
    }

    private String refusal(HasMetadata o) {
        String apiVersion = o.getApiVersion();
        int slash = apiVersion.indexOf('/');
        String group = slash < 0 ? "" : apiVersion.substring(0, slash);
        List<String> served = apis.versionsOf(group).stream()
                .filter(v -> apis.serves(group.isEmpty() ? v : group + "/" + v, o.getKind()))
                .map(v -> group.isEmpty() ? v : group + "/" + v)
                .toList();
        String where = served.isEmpty()
                ? (apis.versionsOf(group).isEmpty()
                        ? "the cluster does not serve the API group " + group + " at all (is its CRD installed?)"
                        : "the cluster serves " + o.getKind() + " in no version of " + group)
                : "the cluster serves " + o.getKind() + " as " + String.join(", ", served) + "; change the"
                        + " manifest's apiVersion";
        return o.getKind() + "/" + o.getMetadata().getName() + ": " + apiVersion + " is not served; " + where;
    }

    private HasMetadata convert(HasMetadata o, String apiVersion) {
        if (apiVersion == null) {
            return o;
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> tree = new LinkedHashMap<>(serialization.convertValue(o, Map.class));
        tree.put("apiVersion", apiVersion);
        return serialization.unmarshal(serialization.asJson(tree));
    }
}
