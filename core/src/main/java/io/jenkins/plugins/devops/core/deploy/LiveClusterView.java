package io.jenkins.plugins.devops.core.deploy;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads objects from the cluster and remembers every answer, so the snapshot holds what the plan was based on. */
final class LiveClusterView implements ClusterView {
    private final KubernetesClient client;
    private final String namespace;
    private final Map<String, HasMetadata> seen = new LinkedHashMap<>();

    LiveClusterView(KubernetesClient client, String namespace) {
        this.client = client;
        this.namespace = namespace;
    }

    @Override
    public <T extends HasMetadata> T find(Class<T> type, String name) {
        String key = ClusterSnapshot.key(HasMetadata.getKind(type), name);
        if (seen.containsKey(key)) {
            return type.cast(seen.get(key));
        }
        T found = client.resources(type).inNamespace(namespace).withName(name).get();
        seen.put(key, found == null ? null : withoutStatus(found));
        return found;
    }

    @Override
    public <T extends HasMetadata> List<T> list(Class<T> type) {
        List<T> found;
        try {
            found = client.resources(type).inNamespace(namespace).list().getItems();
        } catch (io.fabric8.kubernetes.client.KubernetesClientException e) {
            // A service account without list rights, or a cluster without the API version: the lookup is an
            // optimisation of what gets written (e.g. autoscaled replicas), not a reason to refuse the deployment.
            if (e.getCode() == 403 || e.getCode() == 404) {
                return List.of();
            }
            throw e;
        }
        for (T o : found) {
            seen.putIfAbsent(
                    ClusterSnapshot.key(
                            o.getKind() == null ? HasMetadata.getKind(type) : o.getKind(),
                            o.getMetadata().getName()),
                    withoutStatus(o));
        }
        return found;
    }

    /** Everything seen plus the before-state of everything the plan writes. */
    ClusterSnapshot snapshot(String deploymentId, DeploymentPlan plan) {
        Map<String, HasMetadata> written = new LinkedHashMap<>();
        for (DeploymentPhase phase : plan.phases()) {
            for (HasMetadata o : phase.writes()) {
                written.putIfAbsent(ClusterSnapshot.key(o), o);
                current(o);
            }
        }
        return new ClusterSnapshot(deploymentId, new LinkedHashMap<>(seen), written);
    }

    /**
     * The stored object of the same kind and name as {@code o} (without status), or null; read once and
     * remembered, so the dry run and the snapshot share the read.
     */
    HasMetadata current(HasMetadata o) {
        String key = ClusterSnapshot.key(o);
        if (!seen.containsKey(key)) {
            HasMetadata current = client.resource(o).get();
            seen.put(key, current == null ? null : withoutStatus(current));
        }
        return seen.get(key);
    }

    /** Status belongs to controllers; restoring it would only confuse them. */
    private HasMetadata withoutStatus(HasMetadata o) {
        HasMetadata copy = client.getKubernetesSerialization().clone(o);
        if (copy instanceof io.fabric8.kubernetes.api.model.apps.Deployment d) {
            d.setStatus(null);
        } else if (copy instanceof io.fabric8.kubernetes.api.model.Service s) {
            s.setStatus(null);
        }
        copy.getMetadata().setManagedFields(null);
        return copy;
    }
}
