package io.jenkins.plugins.devops.credentials;

import io.fabric8.kubernetes.client.KubernetesClient;

/**
 * A Kubernetes client together with whether closing it is ours to do: a client borrowed from a Kubernetes cloud
 * is cached and shared by the kubernetes plugin and must stay open.
 */
public final class ClusterClient implements AutoCloseable {
    private final KubernetesClient client;
    private final boolean owned;

    ClusterClient(KubernetesClient client, boolean owned) {
        this.client = client;
        this.owned = owned;
    }

    public KubernetesClient get() {
        return client;
    }

    @Override
    public void close() {
        if (owned) {
            client.close();
        }
    }
}
