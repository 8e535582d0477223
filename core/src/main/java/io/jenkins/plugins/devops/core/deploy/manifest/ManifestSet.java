package io.jenkins.plugins.devops.core.deploy.manifest;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.jenkins.plugins.devops.core.deploy.InvalidRequestException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The objects of a request's manifests, typed and checked: known kinds only, one workload Deployment, every object
 * in the request's namespace.
 *
 * @param objects all objects in manifest order (namespace filled in)
 */
public record ManifestSet(List<HasMetadata> objects) {
    /** Namespaced kinds the engine writes besides the Deployment. */
    static final Set<String> SUPPORTED_KINDS = Set.of(
            "Deployment",
            "Service",
            "ConfigMap",
            "Secret",
            "ServiceAccount",
            "HorizontalPodAutoscaler",
            "PodDisruptionBudget",
            "NetworkPolicy",
            "Ingress",
            "HTTPRoute",
            "Role",
            "RoleBinding");

    private static final Set<String> OTHER_WORKLOADS =
            Set.of("StatefulSet", "DaemonSet", "ReplicaSet", "Pod", "Job", "CronJob", "ReplicationController");

    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    public ManifestSet {
        objects = List.copyOf(objects);
    }

    /**
     * Parses and checks manifests for one namespace.
     *
     * @throws InvalidRequestException for malformed or unsafe YAML, an unsupported kind, a second Deployment, a
     *     missing name or a namespace other than {@code namespace}
     */
    public static ManifestSet parse(String yamlText, String namespace, String strategy) {
        List<HasMetadata> objects = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int deployments = 0;
        for (ManifestParser.ParsedDocument doc : ManifestParser.parse(yamlText)) {
            Map<String, Object> content = doc.content();
            String where = "manifest document " + doc.index();
            String kind = string(content.get("kind"));
            String apiVersion = string(content.get("apiVersion"));
            if (kind.isEmpty() || apiVersion.isEmpty()) {
                throw new InvalidRequestException(where + " has no " + (kind.isEmpty() ? "kind" : "apiVersion")
                        + "; every object needs apiVersion, kind and metadata.name");
            }
            if (OTHER_WORKLOADS.contains(kind)) {
                throw new InvalidRequestException(where + ": strategy " + strategy + " cannot deploy a " + kind
                        + "; the engine rolls out Deployments only, convert the " + kind + " to a Deployment");
            }
            if (!SUPPORTED_KINDS.contains(kind)) {
                throw new InvalidRequestException(where + ": kind " + kind + " is not handled by strategy " + strategy
                        + "; supported kinds: " + new TreeSet<>(SUPPORTED_KINDS)
                        + " (cluster-scoped objects and CRDs belong in a separate, reviewed change)");
            }
            Object metadata = content.get("metadata");
            String name = metadata instanceof Map<?, ?> m ? string(m.get("name")) : "";
            if (name.isEmpty()) {
                throw new InvalidRequestException(where + " (" + kind + ") has no metadata.name; give it a name");
            }
            where = where + " (" + kind + "/" + name + ")";
            String ns = metadata instanceof Map<?, ?> m ? string(m.get("namespace")) : "";
            if (!ns.isEmpty() && !ns.equals(namespace)) {
                throw new InvalidRequestException(where + ": namespace '" + ns + "' differs from the request's "
                        + "namespace '" + namespace + "'; remove metadata.namespace or deploy to '" + ns + "'");
            }
            if (!seen.add(kind + "/" + name)) {
                throw new InvalidRequestException(where + " appears twice; keep one copy");
            }
            HasMetadata object = toObject(content, where);
            object.getMetadata().setNamespace(namespace);
            if (object instanceof Deployment) {
                deployments++;
            }
            objects.add(object);
        }
        if (deployments == 0) {
            throw new InvalidRequestException("manifests contain no Deployment; strategy " + strategy
                    + " rolls out exactly one Deployment, add it to the manifests");
        }
        if (deployments > 1) {
            throw new InvalidRequestException("manifests contain " + deployments + " Deployments; strategy " + strategy
                    + " rolls out exactly one per service, split them into one request per service");
        }
        return new ManifestSet(objects);
    }

    private static HasMetadata toObject(Map<String, Object> content, String where) {
        KubernetesResource resource;
        try {
            resource = SERIALIZATION.convertValue(content, KubernetesResource.class);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException(where + ": " + rootMessage(e) + "; check the field names and types", e);
        }
        if (!(resource instanceof HasMetadata typed) || resource instanceof GenericKubernetesResource) {
            throw new InvalidRequestException(where + ": apiVersion " + content.get("apiVersion")
                    + " is not a version the engine knows for this kind; use e.g. apps/v1 for Deployment");
        }
        return typed;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        String m = t.getMessage() == null ? t.toString() : t.getMessage();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }

    private static String string(Object value) {
        return value == null ? "" : String.valueOf(value).trim();
    }

    /** The one Deployment. */
    public Deployment workload() {
        return objects.stream()
                .filter(Deployment.class::isInstance)
                .map(Deployment.class::cast)
                .findFirst()
                .orElseThrow();
    }

    public List<Service> services() {
        return objects.stream()
                .filter(Service.class::isInstance)
                .map(Service.class::cast)
                .toList();
    }

    /** Everything except the Deployment and the Services. */
    public List<HasMetadata> supporting() {
        return objects.stream()
                .filter(o -> !(o instanceof Deployment) && !(o instanceof Service))
                .toList();
    }

    /** A deep copy, so strategies can change objects freely. */
    public static <T extends HasMetadata> T copy(T object) {
        return SERIALIZATION.clone(object);
    }
}
