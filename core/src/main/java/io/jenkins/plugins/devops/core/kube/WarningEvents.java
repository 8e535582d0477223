package io.jenkins.plugins.devops.core.kube;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * The Kubernetes Warning events about a set of Deployments and their ReplicaSets and pods (matched by name prefix),
 * newest last, so a failed deployment's record says what Kubernetes saw ("Readiness probe failed", "BackOff",
 * "FailedScheduling") and not only that the deadline passed. One list request, made only on failure.
 */
public final class WarningEvents {
    private WarningEvents() {}

    /** At most {@code limit} lines like {@code Pod shop-canary-5d9c-0: Unhealthy: Readiness probe failed}. */
    public static List<String> about(
            KubernetesClient client, String namespace, Collection<String> deployments, int limit) {
        if (deployments.isEmpty()) {
            return List.of();
        }
        List<Event> events;
        try {
            events = client.v1().events().inNamespace(namespace).list().getItems();
        } catch (KubernetesClientException e) {
            return List.of("could not read Kubernetes events: " + e.getCode());
        }
        List<String> lines = events.stream()
                .filter(e -> "Warning".equals(e.getType()))
                .filter(e ->
                        e.getInvolvedObject() != null && e.getInvolvedObject().getName() != null)
                .filter(e -> deployments.stream()
                        .anyMatch(d -> e.getInvolvedObject().getName().startsWith(d + "-")
                                || e.getInvolvedObject().getName().equals(d)))
                .sorted(Comparator.comparing(e -> e.getLastTimestamp() == null ? "" : e.getLastTimestamp()))
                .map(e -> e.getInvolvedObject().getKind() + " "
                        + e.getInvolvedObject().getName() + ": " + e.getReason() + ": " + e.getMessage())
                .distinct()
                .toList();
        return lines.subList(Math.max(0, lines.size() - limit), lines.size());
    }
}
