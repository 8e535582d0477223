package io.jenkins.plugins.devops.core.kube.testing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The discovery documents of a current Kubernetes release for the fabric8 mock server, which has none of its own:
 * {@code /api/v1}, {@code /apis} and {@code /apis/<group>/<version>} for the kinds the engine writes. Tests can take
 * a group version away ({@link #unserve}) to play an older cluster.
 */
final class MockDiscovery {
    private static final Pattern GROUP = Pattern.compile("^/apis/([^/]+)/?$");
    private static final Pattern GROUP_VERSION = Pattern.compile("^/apis/([^/]+)/([^/]+)/?$");

    /** group/version to kind to plural resource name. */
    private static final Map<String, Map<String, String>> SERVED = new LinkedHashMap<>();

    static {
        SERVED.put(
                "v1",
                Map.of(
                        "ConfigMap", "configmaps",
                        "Secret", "secrets",
                        "Service", "services",
                        "ServiceAccount", "serviceaccounts",
                        "Pod", "pods",
                        "Event", "events",
                        "Endpoints", "endpoints",
                        "Namespace", "namespaces",
                        "PersistentVolumeClaim", "persistentvolumeclaims"));
        SERVED.put(
                "apps/v1",
                Map.of(
                        "Deployment", "deployments",
                        "ReplicaSet", "replicasets",
                        "StatefulSet", "statefulsets",
                        "DaemonSet", "daemonsets"));
        SERVED.put("autoscaling/v1", Map.of("HorizontalPodAutoscaler", "horizontalpodautoscalers"));
        SERVED.put("autoscaling/v2", Map.of("HorizontalPodAutoscaler", "horizontalpodautoscalers"));
        SERVED.put("policy/v1", Map.of("PodDisruptionBudget", "poddisruptionbudgets"));
        SERVED.put("policy/v1beta1", Map.of("PodDisruptionBudget", "poddisruptionbudgets"));
        SERVED.put("autoscaling/v2beta2", Map.of("HorizontalPodAutoscaler", "horizontalpodautoscalers"));
        SERVED.put("batch/v1", Map.of("Job", "jobs", "CronJob", "cronjobs"));
        SERVED.put("networking.k8s.io/v1", Map.of("Ingress", "ingresses", "NetworkPolicy", "networkpolicies"));
        SERVED.put("coordination.k8s.io/v1", Map.of("Lease", "leases"));
        SERVED.put("events.k8s.io/v1", Map.of("Event", "events"));
        SERVED.put("gateway.networking.k8s.io/v1", Map.of("HTTPRoute", "httproutes", "Gateway", "gateways"));
    }

    /** Versions a current release no longer serves are off until {@link #serve} turns them on. */
    private final Set<String> unserved = new CopyOnWriteArraySet<>(Set.of("policy/v1beta1", "autoscaling/v2beta2"));

    /** Answers no longer for this group version, e.g. {@code policy/v1}. */
    void unserve(String groupVersion) {
        unserved.add(groupVersion);
    }

    /** Answers for this group version of an older release, e.g. {@code policy/v1beta1}. */
    void serve(String groupVersion) {
        unserved.remove(groupVersion);
    }

    /** The discovery document for a GET of {@code path}, or null when the path is not a discovery path. */
    String answer(String path) {
        String p = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
        if (p.equals("/api/v1") || p.equals("/api/v1/")) {
            return resources("v1");
        }
        if (p.equals("/apis") || p.equals("/apis/")) {
            return groups();
        }
        Matcher g = GROUP.matcher(p);
        if (g.matches()) {
            String group = group(g.group(1));
            return group == null ? notFound() : group;
        }
        Matcher m = GROUP_VERSION.matcher(p);
        if (m.matches()) {
            String gv = m.group(1) + "/" + m.group(2);
            return SERVED.containsKey(gv) && !unserved.contains(gv) ? resources(gv) : notFound();
        }
        return null;
    }

    private String resources(String gv) {
        StringBuilder items = new StringBuilder();
        SERVED.get(gv).forEach((kind, plural) -> {
            if (!items.isEmpty()) {
                items.append(',');
            }
            items.append(
                    "{\"name\":\"%s\",\"kind\":\"%s\",\"namespaced\":true,\"verbs\":[\"get\",\"list\",\"create\",\"update\",\"delete\",\"watch\"]}"
                            .formatted(plural, kind));
        });
        return "{\"kind\":\"APIResourceList\",\"apiVersion\":\"v1\",\"groupVersion\":\"%s\",\"resources\":[%s]}"
                .formatted(gv, items);
    }

    /** The APIGroup document of one group, or null when none of its versions is served. */
    private String group(String name) {
        String all = groups();
        String marker = "{\"name\":\"" + name + "\",";
        int start = all.indexOf(marker);
        if (start < 0) {
            return null;
        }
        int end = all.indexOf("}}", start) + 2;
        return "{\"kind\":\"APIGroup\",\"apiVersion\":\"v1\"," + all.substring(start + 1, end);
    }

    private String groups() {
        Map<String, List<String>> byGroup = new LinkedHashMap<>();
        SERVED.keySet().stream()
                .filter(gv -> gv.contains("/") && !unserved.contains(gv))
                .forEach(gv -> byGroup.computeIfAbsent(
                                gv.substring(0, gv.indexOf('/')), g -> new java.util.ArrayList<>())
                        .add(gv.substring(gv.indexOf('/') + 1)));
        StringBuilder out = new StringBuilder();
        byGroup.forEach((group, versions) -> {
            if (!out.isEmpty()) {
                out.append(',');
            }
            StringBuilder v = new StringBuilder();
            for (String version : versions) {
                if (!v.isEmpty()) {
                    v.append(',');
                }
                v.append("{\"groupVersion\":\"%s/%s\",\"version\":\"%s\"}".formatted(group, version, version));
            }
            out.append(
                    "{\"name\":\"%s\",\"versions\":[%s],\"preferredVersion\":{\"groupVersion\":\"%s/%s\",\"version\":\"%s\"}}"
                            .formatted(group, v, group, versions.get(0), versions.get(0)));
        });
        return "{\"kind\":\"APIGroupList\",\"apiVersion\":\"v1\",\"groups\":[" + out + "]}";
    }

    static String notFound() {
        return "";
    }
}
