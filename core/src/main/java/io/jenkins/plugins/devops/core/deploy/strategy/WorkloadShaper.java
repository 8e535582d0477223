package io.jenkins.plugins.devops.core.deploy.strategy;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentStrategy;
import io.fabric8.kubernetes.api.model.apps.DeploymentStrategyBuilder;
import io.jenkins.plugins.devops.core.deploy.DeploymentRequest;
import io.jenkins.plugins.devops.core.deploy.manifest.ManifestSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the manifest's Deployment into the one the engine writes: image, version, labels, and the progress deadline
 * when the request sets one.
 */
final class WorkloadShaper {
    private WorkloadShaper() {}

    /** The workload with the request's image and version, engine labels and the progress deadline. */
    static Deployment shape(DeploymentRequest request, String deploymentId) {
        Deployment d = ManifestSet.copy(request.objects().workload());
        if (d.getSpec().getTemplate().getMetadata() == null) {
            d.getSpec().getTemplate().setMetadata(new io.fabric8.kubernetes.api.model.ObjectMeta());
        }
        List<Container> containers = d.getSpec().getTemplate().getSpec().getContainers();
        if (request.image() != null) {
            Container target = containers.stream()
                    .filter(c -> request.service().equals(c.getName()))
                    .findFirst()
                    .orElse(containers.get(0));
            target.setImage(request.image());
        }
        if (d.getSpec().getReplicas() == null) {
            d.getSpec().setReplicas(1);
        }
        if (request.progressDeadlineGiven()) {
            // Otherwise the manifest's value stays (or Kubernetes' default of 600 s when it has none).
            d.getSpec()
                    .setProgressDeadlineSeconds((int) request.progressDeadline().toSeconds());
        }
        stamp(d, request);
        annotate(d, Labels.STRATEGY, request.strategy().name());
        annotate(d, Labels.VERSION, request.version());
        annotate(d, Labels.DEPLOYMENT_ID, deploymentId);
        Map<String, String> templateAnnotations =
                new HashMap<>(orEmpty(d.getSpec().getTemplate().getMetadata().getAnnotations()));
        templateAnnotations.put(Labels.VERSION, request.version());
        d.getSpec().getTemplate().getMetadata().setAnnotations(templateAnnotations);
        return d;
    }

    static DeploymentStrategy rollingUpdate(String maxSurge, String maxUnavailable) {
        return new DeploymentStrategyBuilder()
                .withType("RollingUpdate")
                .withNewRollingUpdate()
                .withMaxSurge(intOrString(maxSurge))
                .withMaxUnavailable(intOrString(maxUnavailable))
                .endRollingUpdate()
                .build();
    }

    /**
     * A rolling update that never takes a pod away before its replacement is ready (maxUnavailable 0, maxSurge 25%,
     * at least one pod). The engine writes it for the re-rolls it causes itself in the middle of a deployment or a
     * rollback, whatever the manifest's strategy, so that those never cost serving capacity.
     */
    static DeploymentStrategy surgeOnly() {
        return rollingUpdate("25%", "0");
    }

    /** A copy whose pods are replaced surge-only ({@link #surgeOnly()}). */
    static Deployment withSurgeOnly(Deployment d) {
        Deployment copy = ManifestSet.copy(d);
        copy.getSpec().setStrategy(surgeOnly());
        return copy;
    }

    static DeploymentStrategy recreate() {
        return new DeploymentStrategyBuilder().withType("Recreate").build();
    }

    /** Adds the service and environment labels. */
    static <T extends HasMetadata> T stamp(T object, DeploymentRequest request) {
        Map<String, String> labels = new HashMap<>(orEmpty(object.getMetadata().getLabels()));
        labels.put(Labels.SERVICE, request.service());
        labels.put(Labels.ENVIRONMENT, request.environment());
        object.getMetadata().setLabels(labels);
        return object;
    }

    static void annotate(HasMetadata object, String key, String value) {
        Map<String, String> annotations =
                new HashMap<>(orEmpty(object.getMetadata().getAnnotations()));
        annotations.put(key, value);
        object.getMetadata().setAnnotations(annotations);
    }

    /** Makes a Deployment a distinct variant: new name, one more selector label, the same label on its pods. */
    static Deployment variant(Deployment base, String name, String labelKey, String labelValue, int replicas) {
        Deployment d = ManifestSet.copy(base);
        d.getMetadata().setName(name);
        Map<String, String> selector = new HashMap<>(d.getSpec().getSelector().getMatchLabels());
        selector.put(labelKey, labelValue);
        d.getSpec().getSelector().setMatchLabels(selector);
        Map<String, String> podLabels =
                new HashMap<>(orEmpty(d.getSpec().getTemplate().getMetadata().getLabels()));
        podLabels.put(labelKey, labelValue);
        d.getSpec().getTemplate().getMetadata().setLabels(podLabels);
        Map<String, String> labels = new HashMap<>(orEmpty(d.getMetadata().getLabels()));
        labels.put(labelKey, labelValue);
        d.getMetadata().setLabels(labels);
        d.getSpec().setReplicas(replicas);
        return d;
    }

    /** A copy of an existing Deployment with another replica count, for scaling without touching its template. */
    static Deployment scaled(Deployment existing, int replicas) {
        Deployment d = ManifestSet.copy(existing);
        d.setStatus(null);
        d.getSpec().setReplicas(replicas);
        return d;
    }

    /** The version a Deployment runs: its version annotation, else the tag of its first image. */
    static String versionOf(Deployment d) {
        if (d == null) {
            return "";
        }
        Map<String, String> a = orEmpty(d.getSpec().getTemplate().getMetadata().getAnnotations());
        if (a.containsKey(Labels.VERSION)) {
            return a.get(Labels.VERSION);
        }
        String image =
                d.getSpec().getTemplate().getSpec().getContainers().get(0).getImage();
        if (image == null) {
            return "";
        }
        int at = image.indexOf('@');
        if (at >= 0) {
            return image.substring(at + 1);
        }
        int slash = image.lastIndexOf('/');
        int colon = image.lastIndexOf(':');
        return colon > slash ? image.substring(colon + 1) : "latest";
    }

    static <K, V> Map<K, V> orEmpty(Map<K, V> map) {
        return map == null ? Map.of() : map;
    }

    private static IntOrString intOrString(String value) {
        return value.endsWith("%") ? new IntOrString(value) : new IntOrString(Integer.parseInt(value));
    }
}
