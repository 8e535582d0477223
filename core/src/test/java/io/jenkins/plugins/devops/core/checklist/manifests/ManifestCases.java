package io.jenkins.plugins.devops.core.checklist.manifests;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Our own manifests for every kube-score and Polaris check the checklist claims to agree with, and the result each
 * tool gives for them. The expected results follow the tools' check definitions (Polaris' {@code checks/*.yaml}
 * schemas, kube-score's {@code score/*} checks and their test data), written here as new manifests.
 */
final class ManifestCases {
    static final String KUBE_SCORE = "kube-score";
    static final String POLARIS = "polaris";

    private static final String ACCESS = "security.access-control";
    private static final String NETWORK = "security.network-security";
    private static final String IMAGES = "infra.immutable-infrastructure";
    private static final String AVAILABILITY = "infra.auto-scaling";
    private static final String COST = "infra.cost-optimization";
    private static final String PROBES = "cicd.rollback-capability";
    private static final String SECRETS = "security.secrets-management";

    private final List<ManifestCase> cases = new ArrayList<>();

    private ManifestCases() {}

    static List<ManifestCase> all() {
        ManifestCases c = new ManifestCases();
        c.privileged();
        c.workloadKinds();
        c.privilegeEscalation();
        c.readOnlyRootFilesystem();
        c.runAsRoot();
        c.hostNetwork();
        c.imageTags();
        c.networkPolicies();
        c.disruptionBudgets();
        c.exposure();
        c.readinessProbes();
        c.resources();
        c.rbac();
        c.sensitiveEnv();
        c.mergeKeysAndJson();
        return List.copyOf(c.cases);
    }

    // ---- manifests -------------------------------------------------------------------------------------------

    /** A Deployment "web" (pods labelled app: web) with extra pod-spec and container lines. */
    static String deployment(String kind, int replicas, String podExtra, String containerExtra) {
        String replicaLine = replicas < 0 ? "" : "  replicas: " + replicas + "\n";
        return """
                apiVersion: apps/v1
                kind: %s
                metadata:
                  name: web
                spec:
                %s  selector:
                    matchLabels:
                      app: web
                  template:
                    metadata:
                      labels:
                        app: web
                        tier: front
                    spec:
                %s      containers:
                        - name: web
                          image: registry.example.com/web:1.4.2
                %s"""
                .formatted(kind, replicaLine, indent(podExtra, 6), indent(containerExtra, 10));
    }

    static String deployment(String podExtra, String containerExtra) {
        return deployment("Deployment", -1, podExtra, containerExtra);
    }

    static String pod(String containerExtra) {
        return """
                apiVersion: v1
                kind: Pod
                metadata:
                  name: tool
                  labels:
                    app: tool
                spec:
                  containers:
                    - name: tool
                      image: registry.example.com/tool:2.0
                %s"""
                .formatted(indent(containerExtra, 6));
    }

    static String indent(String text, int spaces) {
        if (text.isEmpty()) {
            return "";
        }
        String pad = " ".repeat(spaces);
        StringBuilder out = new StringBuilder();
        for (String line : text.split("\n")) {
            out.append(pad).append(line).append('\n');
        }
        return out.toString();
    }

    private void add(String tool, String check, String name, String yaml, String item, String finding, boolean flags) {
        add(tool, check, name, Map.of("k8s/app.yaml", yaml), item, finding, flags);
    }

    private void add(
            String tool,
            String check,
            String name,
            Map<String, String> files,
            String item,
            String finding,
            boolean flags) {
        cases.add(
                new ManifestCase(tool, check, name, new LinkedHashMap<>(files), item, Pattern.compile(finding), flags));
    }

    private void both(
            String polarisCheck,
            String kubeScoreCheck,
            String name,
            String yaml,
            String item,
            String finding,
            boolean flags) {
        add(POLARIS, polarisCheck, name, yaml, item, finding, flags);
        add(KUBE_SCORE, kubeScoreCheck, name, yaml, item, finding, flags);
    }

    // ---- security context --------------------------------------------------------------------------------------

    private void privileged() {
        String check = "container-security-context-privileged";
        String finding = "privileged: true";
        both(
                "runAsPrivileged",
                check,
                "privileged: TRUE",
                deployment("", "securityContext:\n  privileged: TRUE"),
                ACCESS,
                finding,
                true);
        both(
                "runAsPrivileged",
                check,
                "privileged: true",
                deployment("", "securityContext:\n  privileged: true"),
                ACCESS,
                finding,
                true);
        both(
                "runAsPrivileged",
                check,
                "privileged: True in a DaemonSet",
                deployment("DaemonSet", -1, "", "securityContext:\n  privileged: True"),
                ACCESS,
                finding,
                true);
        both(
                "runAsPrivileged",
                check,
                "privileged: yes (YAML 1.1)",
                deployment("", "securityContext:\n  privileged: yes"),
                ACCESS,
                finding,
                true);
        both(
                "runAsPrivileged",
                check,
                "privileged: False",
                deployment("", "securityContext:\n  privileged: False"),
                ACCESS,
                finding,
                false);
        both(
                "runAsPrivileged",
                check,
                "privileged: false",
                deployment("", "securityContext:\n  privileged: false"),
                ACCESS,
                finding,
                false);
        both("runAsPrivileged", check, "no security context", deployment("", ""), ACCESS, finding, false);
    }

    private void workloadKinds() {
        String check = "container-security-context-privileged";
        String finding = "privileged: true";
        String init = deployment("", "")
                .replace(
                        "      containers:\n",
                        "      initContainers:\n        - name: setup\n          image: registry.example.com/setup:1.0\n"
                                + "          securityContext: {privileged: On}\n      containers:\n");
        both("runAsPrivileged", check, "privileged init container", init, ACCESS, finding, true);
        String cronJob =
                """
                apiVersion: batch/v1
                kind: CronJob
                metadata:
                  name: report
                spec:
                  schedule: "0 3 * * *"
                  jobTemplate:
                    spec:
                      template:
                        spec:
                          restartPolicy: OnFailure
                          containers:
                            - name: report
                              image: registry.example.com/report:2.1
                              securityContext: {privileged: TRUE}
                """;
        both("runAsPrivileged", check, "privileged CronJob", cronJob, ACCESS, finding, true);
        String list =
                """
                apiVersion: v1
                kind: List
                items:
                """
                        + indent(
                                deployment("", "securityContext:\n  privileged: True")
                                        .replace("apiVersion", "- apiVersion")
                                        .replace("\n", "\n  ")
                                        .stripTrailing(),
                                2);
        both("runAsPrivileged", check, "privileged Deployment inside kind: List", list, ACCESS, finding, true);
    }

    private void privilegeEscalation() {
        String finding = "allowPrivilegeEscalation is not false";
        add(
                POLARIS,
                "privilegeEscalationAllowed",
                "allowPrivilegeEscalation: False",
                deployment("", "securityContext:\n  allowPrivilegeEscalation: False"),
                ACCESS,
                finding,
                false);
        add(
                POLARIS,
                "privilegeEscalationAllowed",
                "allowPrivilegeEscalation: false",
                deployment("", "securityContext:\n  allowPrivilegeEscalation: false"),
                ACCESS,
                finding,
                false);
        add(
                POLARIS,
                "privilegeEscalationAllowed",
                "allowPrivilegeEscalation: TRUE",
                deployment("", "securityContext:\n  allowPrivilegeEscalation: TRUE"),
                ACCESS,
                finding,
                true);
        add(
                POLARIS,
                "privilegeEscalationAllowed",
                "not set",
                deployment("", "securityContext:\n  runAsNonRoot: true"),
                ACCESS,
                finding,
                true);
    }

    private void readOnlyRootFilesystem() {
        String finding = "readOnlyRootFilesystem is not true";
        String kube = "container-security-context-readonlyrootfilesystem";
        both(
                "notReadOnlyRootFilesystem",
                kube,
                "readOnlyRootFilesystem: True",
                deployment("", "securityContext:\n  readOnlyRootFilesystem: True"),
                ACCESS,
                finding,
                false);
        both(
                "notReadOnlyRootFilesystem",
                kube,
                "readOnlyRootFilesystem: true",
                deployment("", "securityContext:\n  readOnlyRootFilesystem: true"),
                ACCESS,
                finding,
                false);
        both(
                "notReadOnlyRootFilesystem",
                kube,
                "readOnlyRootFilesystem: FALSE",
                deployment("", "securityContext:\n  readOnlyRootFilesystem: FALSE"),
                ACCESS,
                finding,
                true);
        both("notReadOnlyRootFilesystem", kube, "not set", deployment("", ""), ACCESS, finding, true);
    }

    private void runAsRoot() {
        String finding = "may run as root";
        String check = "runAsRootAllowed";
        add(
                POLARIS,
                check,
                "container runAsNonRoot: True",
                deployment("", "securityContext:\n  runAsNonRoot: True"),
                ACCESS,
                finding,
                false);
        add(
                POLARIS,
                check,
                "pod runAsNonRoot: true",
                deployment("securityContext:\n  runAsNonRoot: true", ""),
                ACCESS,
                finding,
                false);
        add(
                POLARIS,
                check,
                "pod runAsUser: 1000",
                deployment("securityContext:\n  runAsUser: 1000", ""),
                ACCESS,
                finding,
                false);
        add(
                POLARIS,
                check,
                "container runAsUser: 10001",
                deployment("", "securityContext:\n  runAsUser: 10001"),
                ACCESS,
                finding,
                false);
        add(POLARIS, check, "nothing set", deployment("", ""), ACCESS, finding, true);
        add(
                POLARIS,
                check,
                "runAsNonRoot: false",
                deployment("", "securityContext:\n  runAsNonRoot: false"),
                ACCESS,
                finding,
                true);
        add(
                POLARIS,
                check,
                "pod non-root, container runAsUser: 0",
                deployment("securityContext:\n  runAsNonRoot: true", "securityContext:\n  runAsUser: 0"),
                ACCESS,
                finding,
                true);
        add(
                POLARIS,
                check,
                "pod runAsUser 1000, container runAsNonRoot: false",
                deployment("securityContext:\n  runAsUser: 1000", "securityContext:\n  runAsNonRoot: false"),
                ACCESS,
                finding,
                true);
    }

    private void hostNetwork() {
        String finding = "hostNetwork: true";
        add(
                POLARIS,
                "hostNetworkSet",
                "hostNetwork: True",
                deployment("hostNetwork: True", ""),
                NETWORK,
                finding,
                true);
        add(
                POLARIS,
                "hostNetworkSet",
                "hostNetwork: true",
                deployment("hostNetwork: true", ""),
                NETWORK,
                finding,
                true);
        add(
                POLARIS,
                "hostNetworkSet",
                "hostNetwork: false",
                deployment("hostNetwork: false", ""),
                NETWORK,
                finding,
                false);
        add(POLARIS, "hostNetworkSet", "not set", deployment("", ""), NETWORK, finding, false);
    }

    // ---- images ------------------------------------------------------------------------------------------------

    private static String withImage(String image) {
        return deployment("", "").replace("registry.example.com/web:1.4.2", image);
    }

    private void imageTags() {
        String finding = "no version tag or uses 'latest'";
        both("tagNotSpecified", "container-image-tag", "no tag", withImage("nginx"), IMAGES, finding, true);
        both("tagNotSpecified", "container-image-tag", ":latest", withImage("nginx:latest"), IMAGES, finding, true);
        both(
                "tagNotSpecified",
                "container-image-tag",
                "version tag",
                withImage("nginx:1.25.3"),
                IMAGES,
                finding,
                false);
        both(
                "tagNotSpecified",
                "container-image-tag",
                "registry and tag",
                withImage("ghcr.io/example/web:2024.05.1"),
                IMAGES,
                finding,
                false);
        both(
                "tagNotSpecified",
                "container-image-tag",
                "digest",
                withImage("nginx@sha256:" + "a".repeat(64)),
                IMAGES,
                finding,
                false);
        both(
                "tagNotSpecified",
                "container-image-tag",
                "registry port, no tag",
                withImage("registry.local:5000/web"),
                IMAGES,
                finding,
                false);
    }

    // ---- network policies --------------------------------------------------------------------------------------

    private static String policy(String podSelector, String types) {
        return """
                ---
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata:
                  name: web
                spec:
                  podSelector:
                %s%s"""
                .formatted(indent(podSelector, 4), types.isEmpty() ? "" : "  policyTypes: " + types + "\n");
    }

    private void networkPolicies() {
        String finding = "no NetworkPolicy (selects|restricts)";
        String check = "pod-networkpolicy";
        String app = deployment("", "");
        add(
                KUBE_SCORE,
                check,
                "matchLabels, ingress and egress",
                app + policy("matchLabels:\n  app: web", "[Ingress, Egress]"),
                NETWORK,
                finding,
                false);
        add(KUBE_SCORE, check, "no NetworkPolicy", app, NETWORK, finding, true);
        add(
                KUBE_SCORE,
                check,
                "matchLabels of other pods",
                app + policy("matchLabels:\n  app: api", "[Ingress, Egress]"),
                NETWORK,
                finding,
                true);
        add(
                KUBE_SCORE,
                check,
                "ingress only",
                app + policy("matchLabels:\n  app: web", "[Ingress]"),
                NETWORK,
                finding,
                true);
        add(
                KUBE_SCORE,
                check,
                "egress only",
                app + policy("matchLabels:\n  app: web", "[Egress]"),
                NETWORK,
                finding,
                true);
        add(
                KUBE_SCORE,
                check,
                "policyTypes not written (ingress only)",
                app + policy("matchLabels:\n  app: web", ""),
                NETWORK,
                finding,
                true);
        add(
                KUBE_SCORE,
                check,
                "other namespace",
                app
                        + policy("matchLabels:\n  app: web", "[Ingress, Egress]")
                                .replace("  name: web\nspec:", "  name: web\n  namespace: other\nspec:"),
                NETWORK,
                finding,
                true);
        add(
                KUBE_SCORE,
                check,
                "matchExpressions In other values only",
                app + policy("matchExpressions:\n  - {key: app, operator: In, values: [api, db]}", "[Ingress, Egress]"),
                NETWORK,
                finding,
                true);
        add(
                KUBE_SCORE,
                check,
                "matchExpressions NotIn the pod's value",
                app + policy("matchExpressions:\n  - {key: app, operator: NotIn, values: [web]}", "[Ingress, Egress]"),
                NETWORK,
                finding,
                true);
        add(
                KUBE_SCORE,
                check,
                "matchExpressions DoesNotExist on a pod label",
                app + policy("matchExpressions:\n  - {key: tier, operator: DoesNotExist}", "[Ingress, Egress]"),
                NETWORK,
                finding,
                true);
        // kube-score reads the whole selector (metav1.LabelSelectorAsSelector)
        add(
                KUBE_SCORE,
                check,
                "matchExpressions In the pod's value",
                app + policy("matchExpressions:\n  - {key: app, operator: In, values: [web]}", "[Ingress, Egress]"),
                NETWORK,
                finding,
                false);
        add(
                KUBE_SCORE,
                check,
                "empty podSelector selects all pods",
                app + policy("{}", "[Ingress, Egress]"),
                NETWORK,
                finding,
                false);
        add(
                KUBE_SCORE,
                check,
                "policyTypes not written, egress rules written",
                app + policy("matchLabels:\n  app: web", "") + "  egress:\n    - to: [{podSelector: {}}]\n",
                NETWORK,
                finding,
                false);
    }

    // ---- disruption budgets ------------------------------------------------------------------------------------

    private static String budget(String selector) {
        return """
                ---
                apiVersion: policy/v1
                kind: PodDisruptionBudget
                metadata:
                  name: web
                spec:
                  maxUnavailable: 1
                  selector:
                %s"""
                .formatted(indent(selector, 4));
    }

    private void disruptionBudgets() {
        String finding = "no PodDisruptionBudget selects";
        String check = "deployment-has-poddisruptionbudget";
        String app = deployment("Deployment", 3, "", "");
        add(KUBE_SCORE, check, "matchLabels", app + budget("matchLabels:\n  app: web"), AVAILABILITY, finding, false);
        add(
                KUBE_SCORE,
                check,
                "matchExpressions In",
                app + budget("matchExpressions:\n  - {key: app, operator: In, values: [web, web-canary]}"),
                AVAILABILITY,
                finding,
                false);
        add(
                KUBE_SCORE,
                check,
                "matchExpressions Exists",
                app + budget("matchExpressions:\n  - {key: tier, operator: Exists}"),
                AVAILABILITY,
                finding,
                false);
        add(
                KUBE_SCORE,
                check,
                "matchLabels and matchExpressions",
                app + budget("matchLabels:\n  app: web\nmatchExpressions:\n  - {key: track, operator: DoesNotExist}"),
                AVAILABILITY,
                finding,
                false);
        add(
                KUBE_SCORE,
                check,
                "matchExpressions NotIn",
                app + budget("matchExpressions:\n  - {key: app, operator: NotIn, values: [web]}"),
                AVAILABILITY,
                finding,
                true);
        add(
                KUBE_SCORE,
                check,
                "matchLabels of other pods",
                app + budget("matchLabels:\n  app: api"),
                AVAILABILITY,
                finding,
                true);
        add(KUBE_SCORE, check, "no budget", app, AVAILABILITY, finding, true);
        add(
                KUBE_SCORE,
                check,
                "budget in another namespace",
                app
                        + budget("matchLabels:\n  app: web")
                                .replace("  name: web\nspec:", "  name: web\n  namespace: other\nspec:"),
                AVAILABILITY,
                finding,
                true);
        add(
                KUBE_SCORE,
                check,
                "one replica asked for: skipped",
                deployment("Deployment", 1, "", ""),
                AVAILABILITY,
                finding,
                false);
        add(
                KUBE_SCORE,
                "statefulset-has-poddisruptionbudget",
                "StatefulSet without budget",
                deployment("StatefulSet", 3, "", ""),
                AVAILABILITY,
                finding,
                true);
        add(
                KUBE_SCORE,
                "statefulset-has-poddisruptionbudget",
                "StatefulSet with budget",
                deployment("StatefulSet", 3, "", "") + budget("matchLabels:\n  app: web"),
                AVAILABILITY,
                finding,
                false);
    }

    // ---- exposure ----------------------------------------------------------------------------------------------

    private static String service(String type) {
        return """
                apiVersion: v1
                kind: Service
                metadata:
                  name: web
                spec:
                  type: %s
                  selector:
                    app: web
                  ports:
                    - port: 80
                """
                .formatted(type);
    }

    private static String ingress(boolean tls) {
        return """
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata:
                  name: web
                spec:
                %s  rules:
                    - host: web.example.com
                      http:
                        paths:
                          - path: /
                            pathType: Prefix
                            backend:
                              service: {name: web, port: {number: 80}}
                """
                .formatted(tls ? "  tls:\n    - hosts: [web.example.com]\n      secretName: web-tls\n" : "");
    }

    private void exposure() {
        // alone in their folder: no workload next to them
        add(
                KUBE_SCORE,
                "service-type",
                "NodePort",
                Map.of("net/svc.yaml", service("NodePort")),
                NETWORK,
                "type NodePort",
                true);
        add(
                KUBE_SCORE,
                "service-type",
                "ClusterIP",
                Map.of("net/svc.yaml", service("ClusterIP")),
                NETWORK,
                "type NodePort",
                false);
        add(
                KUBE_SCORE,
                "service-type",
                "NodePort beside a workload elsewhere",
                Map.of("net/svc.yaml", service("NodePort"), "apps/web.yaml", deployment("", "")),
                NETWORK,
                "type NodePort",
                true);
        add(
                POLARIS,
                "tlsSettingsMissing",
                "Ingress without tls",
                Map.of("net/ing.yaml", ingress(false)),
                NETWORK,
                "no TLS",
                true);
        add(
                POLARIS,
                "tlsSettingsMissing",
                "Ingress with tls",
                Map.of("net/ing.yaml", ingress(true)),
                NETWORK,
                "no TLS",
                false);
    }

    // ---- probes ------------------------------------------------------------------------------------------------

    private void readinessProbes() {
        String finding = "has no readinessProbe";
        String probe = "readinessProbe:\n  httpGet: {path: /ready, port: 8080}";
        add(POLARIS, "readinessProbeMissing", "Deployment without", deployment("", ""), PROBES, finding, true);
        add(POLARIS, "readinessProbeMissing", "Deployment with", deployment("", probe), PROBES, finding, false);
        add(POLARIS, "readinessProbeMissing", "bare Pod without", pod(""), PROBES, finding, true);
        add(POLARIS, "readinessProbeMissing", "bare Pod with", pod(probe), PROBES, finding, false);
        add(
                POLARIS,
                "readinessProbeMissing",
                "StatefulSet without",
                deployment("StatefulSet", 2, "", ""),
                PROBES,
                finding,
                true);
        add(
                POLARIS,
                "readinessProbeMissing",
                "Job (excluded)",
                deployment("Job", -1, "restartPolicy: Never", "")
                        .replace("apps/v1", "batch/v1")
                        .replace("  selector:\n    matchLabels:\n      app: web\n", ""),
                PROBES,
                finding,
                false);
    }

    // ---- resources ---------------------------------------------------------------------------------------------

    private void resources() {
        String none = "";
        String requestsOnly = "resources:\n  requests: {cpu: 100m, memory: 128Mi}";
        String noCpuLimit = "resources:\n  requests: {cpu: 100m, memory: 128Mi}\n  limits: {memory: 256Mi}";
        String all = "resources:\n  requests: {cpu: 100m, memory: 128Mi}\n  limits: {cpu: 500m, memory: 256Mi}";
        String memoryOnly = "resources:\n  requests: {memory: 128Mi}\n  limits: {memory: 256Mi}";
        String cpuRequest = "lacks .*cpu request";
        String memoryRequest = "lacks .*memory request";
        String memoryLimit = "lacks .*memory limit";
        String cpuLimit = "cpu limit";
        add(POLARIS, "cpuRequestsMissing", "no resources", deployment("", none), COST, cpuRequest, true);
        add(POLARIS, "cpuRequestsMissing", "memory only", deployment("", memoryOnly), COST, cpuRequest, true);
        add(POLARIS, "cpuRequestsMissing", "requests set", deployment("", requestsOnly), COST, cpuRequest, false);
        add(POLARIS, "memoryRequestsMissing", "no resources", deployment("", none), COST, memoryRequest, true);
        add(POLARIS, "memoryRequestsMissing", "requests set", deployment("", all), COST, memoryRequest, false);
        add(
                POLARIS,
                "memoryRequestsMissing",
                "memory request without cpu request",
                deployment("", memoryOnly),
                COST,
                memoryRequest,
                false);
        add(POLARIS, "memoryLimitsMissing", "no limits", deployment("", requestsOnly), COST, memoryLimit, true);
        add(POLARIS, "memoryLimitsMissing", "memory limit", deployment("", noCpuLimit), COST, memoryLimit, false);
        add(POLARIS, "cpuLimitsMissing", "everything set", deployment("", all), COST, cpuLimit, false);
        // a CPU limit is not required here by design (docs/checklists.md): both tools want one
        add(POLARIS, "cpuLimitsMissing", "no cpu limit", deployment("", noCpuLimit), COST, cpuLimit, true);
        add(
                KUBE_SCORE,
                "container-resources",
                "no cpu limit",
                deployment("", noCpuLimit),
                COST,
                "lacks|cpu limit",
                true);
        add(KUBE_SCORE, "container-resources", "no resources", deployment("", none), COST, "lacks", true);
        add(KUBE_SCORE, "container-resources", "everything set", deployment("", all), COST, "lacks", false);
    }

    // ---- RBAC and env ------------------------------------------------------------------------------------------

    private void rbac() {
        String binding =
                """
                apiVersion: rbac.authorization.k8s.io/v1
                kind: ClusterRoleBinding
                metadata:
                  name: ci
                roleRef:
                  apiGroup: rbac.authorization.k8s.io
                  kind: ClusterRole
                  name: %s
                subjects:
                  - kind: ServiceAccount
                    name: ci
                    namespace: build
                """;
        add(
                POLARIS,
                "clusterrolebindingClusterAdmin",
                "binds cluster-admin",
                binding.formatted("cluster-admin"),
                ACCESS,
                "binds cluster-admin",
                true);
        add(
                POLARIS,
                "clusterrolebindingClusterAdmin",
                "binds view",
                binding.formatted("view"),
                ACCESS,
                "binds cluster-admin",
                false);
        add(
                POLARIS,
                "rolebindingClusterAdminClusterRole",
                "RoleBinding to cluster-admin",
                binding.formatted("cluster-admin")
                        .replace("ClusterRoleBinding", "RoleBinding")
                        .replace("  name: ci\nroleRef", "  name: ci\n  namespace: build\nroleRef"),
                ACCESS,
                "binds cluster-admin",
                true);
        String wildcardRole =
                """
                apiVersion: rbac.authorization.k8s.io/v1
                kind: ClusterRole
                metadata:
                  name: deployer
                rules:
                  - apiGroups: ["*"]
                    resources: ["*"]
                    verbs: %s
                ---
                """;
        String admin = "binds cluster-admin|equivalent to cluster-admin";
        String check = "clusterrolebindingClusterAdmin";
        add(
                POLARIS,
                check,
                "ClusterRole with '*' verbs on everything",
                wildcardRole.formatted("[\"*\"]") + binding.formatted("deployer"),
                ACCESS,
                admin,
                true);
        add(
                POLARIS,
                check,
                "ClusterRole with the seven verbs on everything",
                wildcardRole.formatted("[get, list, watch, create, update, patch, delete]")
                        + binding.formatted("deployer"),
                ACCESS,
                admin,
                true);
        add(
                POLARIS,
                check,
                "ClusterRole with read verbs only",
                wildcardRole.formatted("[get, list, watch]") + binding.formatted("deployer"),
                ACCESS,
                admin,
                false);
        add(
                POLARIS,
                check,
                "the cluster's own system: binding",
                binding.formatted("cluster-admin").replace("  name: ci\nroleRef", "  name: system:ci\nroleRef"),
                ACCESS,
                admin,
                false);
    }

    private void sensitiveEnv() {
        String finding = "env \\w+ holds a literal";
        String check = "sensitiveContainerEnvVar";
        add(
                POLARIS,
                check,
                "DB_PASSWORD literal",
                deployment("", "env:\n  - {name: DB_PASSWORD, value: hunter2x}"),
                SECRETS,
                finding,
                true);
        add(
                POLARIS,
                check,
                "API_TOKEN literal",
                deployment("", "env:\n  - {name: API_TOKEN, value: abc123def}"),
                SECRETS,
                finding,
                true);
        add(
                POLARIS,
                check,
                "LOG_LEVEL literal",
                deployment("", "env:\n  - {name: LOG_LEVEL, value: debug}"),
                SECRETS,
                finding,
                false);
        add(
                POLARIS,
                check,
                "DB_PASSWORD from a secretKeyRef",
                deployment("", "env:\n  - name: DB_PASSWORD\n    valueFrom:\n      secretKeyRef: {name: db, key: pw}"),
                SECRETS,
                finding,
                false);
        add(
                POLARIS,
                check,
                "AZURE_STORAGE_KEY literal",
                pod("env:\n  - {name: AZURE_STORAGE_KEY, value: abc}"),
                SECRETS,
                finding,
                true);
        add(
                POLARIS,
                check,
                "private key in an innocent name",
                pod("env:\n  - name: BOOTSTRAP\n    value: |\n      -----BEGIN RSA PRIVATE KEY-----\n      abc\n"
                        + "      -----END RSA PRIVATE KEY-----"),
                SECRETS,
                finding,
                true);
    }

    // ---- YAML features and JSON --------------------------------------------------------------------------------

    private void mergeKeysAndJson() {
        // the second container takes its security context from the first through a merge key
        String twoContainers = deployment(
                        "",
                        "securityContext: &hardened\n  allowPrivilegeEscalation: False\n  readOnlyRootFilesystem: True\n"
                                + "  privileged: false")
                + indent(
                        "- name: sidecar\n  image: registry.example.com/proxy:3.1\n  securityContext:\n"
                                + "    <<: *hardened\n",
                        8);
        add(
                POLARIS,
                "privilegeEscalationAllowed",
                "merge key (<<: *hardened)",
                twoContainers,
                ACCESS,
                "allowPrivilegeEscalation is not false",
                false);
        both(
                "notReadOnlyRootFilesystem",
                "container-security-context-readonlyrootfilesystem",
                "merge key (<<: *hardened)",
                twoContainers,
                ACCESS,
                "readOnlyRootFilesystem is not true",
                false);
        both(
                "runAsPrivileged",
                "container-security-context-privileged",
                "merge key overridden by privileged: TRUE",
                twoContainers.replace("<<: *hardened\n", "<<: *hardened\n" + " ".repeat(12) + "privileged: TRUE\n"),
                ACCESS,
                "privileged: true",
                true);
        String json =
                """
                {
                \t"apiVersion": "apps/v1",
                \t"kind": "Deployment",
                \t"metadata": {"name": "api"},
                \t"spec": {
                \t\t"replicas": 3,
                \t\t"selector": {"matchLabels": {"app": "api"}},
                \t\t"template": {
                \t\t\t"metadata": {"labels": {"app": "api"}},
                \t\t\t"spec": {"containers": [{"name": "api", "image": "api:latest",
                \t\t\t\t"securityContext": {"privileged": true, "readOnlyRootFilesystem": true}}]}
                \t\t}
                \t}
                }
                """;
        both(
                "runAsPrivileged",
                "container-security-context-privileged",
                "JSON manifest",
                Map.of("k8s/api.json", json),
                ACCESS,
                "privileged: true",
                true);
        both(
                "tagNotSpecified",
                "container-image-tag",
                "JSON manifest",
                Map.of("k8s/api.json", json),
                IMAGES,
                "no version tag or uses 'latest'",
                true);
    }

    private void both(
            String polarisCheck,
            String kubeScoreCheck,
            String name,
            Map<String, String> files,
            String item,
            String finding,
            boolean flags) {
        add(POLARIS, polarisCheck, name, files, item, finding, flags);
        add(KUBE_SCORE, kubeScoreCheck, name, files, item, finding, flags);
    }
}
