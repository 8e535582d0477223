package io.jenkins.plugins.devops.core.checklist.evidence;

import io.jenkins.plugins.devops.core.checklist.Evidence;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One Kubernetes object found in a manifest file.
 *
 * @param document the YAML document (file and line)
 * @param apiVersion e.g. {@code apps/v1}
 * @param kind e.g. {@code Deployment}
 * @param name metadata.name ("" when missing)
 * @param namespace metadata.namespace ("" when not set)
 */
public record KubernetesObject(YamlDocument document, String apiVersion, String kind, String name, String namespace) {
    private static final Set<String> WORKLOADS =
            Set.of("Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job", "CronJob", "Pod", "Rollout");

    /** Workloads that run pods (Argo Rollouts included). */
    public boolean isWorkload() {
        return WORKLOADS.contains(kind);
    }

    /** Workloads whose pods serve until replaced (not Jobs and CronJobs, which run to completion). */
    public boolean isLongRunning() {
        return isWorkload() && !kind.equals("Job") && !kind.equals("CronJob");
    }

    /** Long-running, horizontally scalable workloads. */
    public boolean isScalable() {
        return kind.equals("Deployment") || kind.equals("StatefulSet") || kind.equals("Rollout");
    }

    public Map<String, Object> body() {
        return YamlDocument.map(document.root());
    }

    private String podTemplatePath() {
        return switch (kind) {
            case "Pod" -> "";
            case "CronJob" -> "spec.jobTemplate.spec.template";
            default -> "spec.template";
        };
    }

    /** The pod spec of a workload (empty map when absent). */
    public Map<String, Object> podSpec() {
        String template = podTemplatePath();
        return YamlDocument.map(
                document.at(template.isEmpty() ? "spec" : template + ".spec").orElse(null));
    }

    /** The pod labels of a workload. */
    public Map<String, Object> podLabels() {
        String template = podTemplatePath();
        return YamlDocument.map(document.at(template.isEmpty() ? "metadata.labels" : template + ".metadata.labels")
                .orElse(null));
    }

    public Map<String, Object> labels() {
        return YamlDocument.map(document.at("metadata.labels").orElse(null));
    }

    /** Containers and init containers of a workload. */
    public List<Map<String, Object>> containers() {
        Map<String, Object> spec = podSpec();
        return java.util.stream.Stream.concat(
                        YamlDocument.list(spec.get("containers")).stream(),
                        YamlDocument.list(spec.get("initContainers")).stream())
                .map(YamlDocument::map)
                .toList();
    }

    /** Containers without init containers. */
    public List<Map<String, Object>> appContainers() {
        return YamlDocument.list(podSpec().get("containers")).stream()
                .map(YamlDocument::map)
                .toList();
    }

    /** {@code Deployment/web}. */
    public String displayName() {
        return kind + "/" + (name.isEmpty() ? "(unnamed)" : name);
    }

    public Evidence evidence(String detail) {
        return Evidence.at(document.file(), document.line(), displayName() + ": " + detail);
    }
}
