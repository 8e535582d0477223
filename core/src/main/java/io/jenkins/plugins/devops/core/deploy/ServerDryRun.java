package io.jenkins.plugins.devops.core.deploy;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.jenkins.plugins.devops.core.kube.ResourceWriter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Validates every write of a plan with the API server before the first real write: a server-side dry run
 * ({@code dryRun=All}) of each object, as a create when it does not exist and as a replace of the stored object
 * when it does, so the server applies its own validation, admission and immutable-field rules (a Deployment whose
 * selector does not match its pod labels, a changed {@code spec.selector}) and nothing is stored.
 *
 * <p>A Deployment written several times with only another replica count (canary steps) is checked once.
 */
final class ServerDryRun {
    private final ResourceWriter writer;
    private final LiveClusterView view;
    private final KubernetesSerialization serialization;

    ServerDryRun(ResourceWriter writer, LiveClusterView view, KubernetesSerialization serialization) {
        this.writer = writer;
        this.view = view;
        this.serialization = serialization;
    }

    /**
     * @throws InvalidRequestException with the server's own message, one line per refused object
     * @throws KubernetesClientException when the server could not be asked (5xx, no connection)
     */
    void check(DeploymentPlan plan) {
        Set<String> checked = new HashSet<>();
        Map<String, String> refused = new LinkedHashMap<>();
        for (DeploymentPhase phase : plan.phases()) {
            for (HasMetadata o : phase.writes()) {
                String ref = ResourceWriter.ref(o);
                if (refused.containsKey(ref) || !checked.add(ref + " " + withoutReplicas(o))) {
                    continue;
                }
                try {
                    writer.dryRun(o, view.current(o));
                } catch (KubernetesClientException e) {
                    if (e.getCode() < 400 || e.getCode() >= 500) {
                        throw e;
                    }
                    refused.put(ref, serverMessage(e));
                }
            }
        }
        if (!refused.isEmpty()) {
            List<String> lines = new ArrayList<>();
            refused.forEach((ref, message) -> lines.add(ref + ": " + message));
            throw new InvalidRequestException("the cluster refused " + lines.size()
                    + (lines.size() == 1 ? " object" : " objects")
                    + " in a server-side dry run, so nothing was changed; fix the manifests:\n  "
                    + String.join("\n  ", lines));
        }
    }

    /** The object as JSON without a Deployment's replica count. */
    private String withoutReplicas(HasMetadata o) {
        if (o instanceof Deployment d && d.getSpec() != null) {
            Deployment copy = serialization.clone(d);
            copy.getSpec().setReplicas(null);
            return serialization.asJson(copy);
        }
        return serialization.asJson(o);
    }

    /** The server's Status message (one line), not fabric8's dump of the whole request and Status. */
    static String serverMessage(KubernetesClientException e) {
        String message = e.getStatus() != null && e.getStatus().getMessage() != null
                ? e.getStatus().getMessage()
                : "HTTP " + e.getCode();
        return message.replaceAll("\\s*\\n\\s*", " ").trim();
    }
}
