package io.jenkins.plugins.devops.core.kube;

import io.fabric8.kubernetes.api.model.APIGroup;
import io.fabric8.kubernetes.api.model.APIResourceList;
import io.fabric8.kubernetes.api.model.GroupVersionForDiscovery;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the API server serves, from its discovery documents ({@code /api/v1}, {@code /apis/<group>/<version>},
 * {@code /apis}), asked once per group version and remembered. A Kubernetes 1.20 server, for example, has no
 * {@code policy/v1} PodDisruptionBudget and no {@code autoscaling/v2} HorizontalPodAutoscaler: writing one fails
 * with a 404 halfway through a deployment unless it is found out before the first write.
 *
 * <pre>{@code
 * ServedApis apis = new ServedApis(client);
 * if (!apis.serves("policy/v1", "PodDisruptionBudget")) System.out.println(apis.versionsOf("policy"));
 * }</pre>
 */
public final class ServedApis {
    private final KubernetesClient client;
    private final Map<String, Optional<Set<String>>> kinds = new HashMap<>();
    private Boolean discoverable;

    public ServedApis(KubernetesClient client) {
        this.client = client;
    }

    /**
     * Whether the server answers discovery at all. One that does not (an API proxy that only forwards resource
     * paths) cannot be asked, and every version counts as served: the writes will say.
     */
    public synchronized boolean discoverable() {
        if (discoverable == null) {
            discoverable = kindsOf("v1").isPresent();
        }
        return discoverable;
    }

    /** True when {@code kind} is served in {@code apiVersion} (e.g. {@code apps/v1}, {@code v1}). */
    public synchronized boolean serves(String apiVersion, String kind) {
        if (!discoverable()) {
            return true;
        }
        return kindsOf(apiVersion).map(k -> k.contains(kind)).orElse(false);
    }

    /** The versions the server serves of an API group, preferred first, e.g. {@code [v1, v2beta2, v2beta1]}. */
    public synchronized List<String> versionsOf(String group) {
        if (group.isEmpty()) {
            return List.of("v1");
        }
        APIGroup g = call(() -> client.getApiGroup(group));
        if (g == null || g.getVersions() == null) {
            return List.of();
        }
        String preferred =
                g.getPreferredVersion() == null ? "" : g.getPreferredVersion().getVersion();
        return g.getVersions().stream()
                .map(GroupVersionForDiscovery::getVersion)
                .sorted((a, b) -> Boolean.compare(!a.equals(preferred), !b.equals(preferred)))
                .toList();
    }

    private Optional<Set<String>> kindsOf(String apiVersion) {
        return kinds.computeIfAbsent(apiVersion, v -> {
            APIResourceList list = call(() -> client.getApiResources(v));
            if (list == null || list.getResources() == null) {
                return Optional.empty();
            }
            return Optional.of(list.getResources().stream()
                    .filter(r -> r.getName() != null && !r.getName().contains("/")) // not subresources
                    .map(r -> r.getKind())
                    .collect(Collectors.toUnmodifiableSet()));
        });
    }

    /** A group or version the server does not know answers 404, which the client turns into null. */
    private static <T> T call(java.util.function.Supplier<T> request) {
        try {
            return request.get();
        } catch (KubernetesClientException e) {
            if (e.getCode() == 404) {
                return null;
            }
            throw e;
        }
    }
}
