package io.jenkins.plugins.devops.core.kube;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.net.HttpURLConnection;
import java.util.function.Consumer;

/**
 * Writes whole objects: create when absent, otherwise replace the stored object with the desired one, carrying over
 * the resourceVersion just read. A 409 (someone wrote in between, or created the object first) re-reads and tries
 * again up to a bound; 5xx and timeouts are retried inside the client (see {@link KubernetesClients}).
 *
 * <p>Replace rather than server-side apply: the engine owns the objects it deploys, restoring a snapshot must put
 * back exactly the old object (apply would keep fields the old object lacks), and it works on any API server,
 * including the fabric8 mock server the tests use.
 */
public final class ResourceWriter {
    private final KubernetesClient client;
    private final int conflictRetries;
    private final Consumer<String> events;

    /**
     * @param events hears about conflicts that were retried (for the deployment record)
     */
    public ResourceWriter(KubernetesClient client, int conflictRetries, Consumer<String> events) {
        this.client = client;
        this.conflictRetries = conflictRetries;
        this.events = events;
    }

    /** Creates or replaces {@code desired}; returns the stored object. */
    public <T extends HasMetadata> T write(T desired) {
        return write(desired, null);
    }

    /**
     * Creates or replaces {@code desired}, first trying a replace based on {@code cached} (e.g. an informer's copy)
     * to save the read; a stale cache only costs a 409 and the usual re-read.
     */
    public <T extends HasMetadata> T write(T desired, HasMetadata cached) {
        for (int attempt = 0; ; attempt++) {
            T copy = client.getKubernetesSerialization().clone(desired);
            clearServerFields(copy.getMetadata());
            try {
                @SuppressWarnings("unchecked")
                T current = attempt == 0 && cached != null
                        ? (T) cached
                        : client.resource(copy).get();
                if (current == null) {
                    return client.resource(copy).create();
                }
                copy.getMetadata().setResourceVersion(current.getMetadata().getResourceVersion());
                keepAllocatedFields(current, copy);
                return client.resource(copy).update();
            } catch (KubernetesClientException e) {
                if (e.getCode() != HttpURLConnection.HTTP_CONFLICT || attempt >= conflictRetries) {
                    throw e;
                }
                events.accept("conflict writing " + ref(desired) + ", re-read and retried (" + (attempt + 1) + ")");
            }
        }
    }

    /**
     * Asks the server to validate the write of {@code desired} without storing it ({@code dryRun=All}): a create
     * when {@code current} is null, else a replace of {@code current} exactly as {@link #write} would send it, so
     * that admission, schema validation and immutable fields (a Deployment's {@code spec.selector}) are checked.
     *
     * @throws KubernetesClientException the server's refusal
     */
    public <T extends HasMetadata> void dryRun(T desired, HasMetadata current) {
        T copy = client.getKubernetesSerialization().clone(desired);
        clearServerFields(copy.getMetadata());
        if (current == null) {
            client.resource(copy).dryRun().create();
            return;
        }
        copy.getMetadata().setResourceVersion(current.getMetadata().getResourceVersion());
        keepAllocatedFields(current, copy);
        client.resource(copy).dryRun().update();
    }

    /** Deletes the object if it exists. */
    public void delete(HasMetadata object) {
        client.resource(object).withGracePeriod(0).delete();
    }

    /** The object as stored now, or null. */
    public <T extends HasMetadata> T read(T object) {
        return client.resource(object).get();
    }

    public static String ref(HasMetadata o) {
        return o.getKind() + "/" + o.getMetadata().getName();
    }

    static void clearServerFields(ObjectMeta m) {
        m.setResourceVersion(null);
        m.setUid(null);
        m.setCreationTimestamp(null);
        m.setGeneration(null);
        m.setManagedFields(null);
        m.setSelfLink(null);
    }

    /** Fields the API server allocates and refuses to change; a manifest normally leaves them out. */
    private static void keepAllocatedFields(HasMetadata current, HasMetadata desired) {
        if (current instanceof Service cur && desired instanceof Service want && want.getSpec() != null) {
            if (cur.getSpec() == null) {
                return;
            }
            if (want.getSpec().getClusterIP() == null) {
                want.getSpec().setClusterIP(cur.getSpec().getClusterIP());
                want.getSpec().setClusterIPs(cur.getSpec().getClusterIPs());
            }
            // Keep allocated node ports, or a NodePort/LoadBalancer Service would get new ones on every deploy.
            if (want.getSpec().getPorts() != null && cur.getSpec().getPorts() != null) {
                for (var port : want.getSpec().getPorts()) {
                    if (port.getNodePort() == null) {
                        cur.getSpec().getPorts().stream()
                                .filter(c -> c.getPort() != null && c.getPort().equals(port.getPort()))
                                .filter(c -> java.util.Objects.equals(c.getProtocol(), port.getProtocol())
                                        || port.getProtocol() == null)
                                .findFirst()
                                .ifPresent(c -> port.setNodePort(c.getNodePort()));
                    }
                }
            }
        }
    }
}
