package io.jenkins.plugins.devops.cli;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.jenkins.plugins.devops.core.deploy.ClusterView;
import io.jenkins.plugins.devops.core.deploy.manifest.ManifestSet;
import java.util.List;

/**
 * A cluster assumed to run exactly what the manifests describe: what {@code devops plan} plans against when no
 * cluster is given, so that {@code --image} shows the steps of an upgrade rather than a first install.
 */
final class ManifestCluster implements ClusterView {
    private final List<HasMetadata> objects;

    ManifestCluster(List<HasMetadata> objects) {
        this.objects = List.copyOf(objects);
    }

    @Override
    public <T extends HasMetadata> T find(Class<T> type, String name) {
        for (HasMetadata object : objects) {
            if (type.isInstance(object) && name.equals(object.getMetadata().getName())) {
                // A copy: the planner may shape what it finds, and the request's objects must stay as parsed.
                return type.cast(ManifestSet.copy(object));
            }
        }
        return null;
    }
}
