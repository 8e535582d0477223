package io.jenkins.plugins.devops.core.checklist.items;

import static io.jenkins.plugins.devops.core.checklist.items.EvidenceLines.concat;

import io.jenkins.plugins.devops.core.checklist.Evidence;
import io.jenkins.plugins.devops.core.checklist.evidence.EvidenceContext;
import io.jenkins.plugins.devops.core.checklist.evidence.KubernetesObject;
import io.jenkins.plugins.devops.core.checklist.evidence.YamlDocument;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The security items judged mostly from Kubernetes objects, in the style of kube-score and Polaris: network policies
 * selecting each workload, and least privilege (security contexts, Dockerfile USER, RBAC).
 */
final class KubernetesSecurityChecks {
    private KubernetesSecurityChecks() {}

    private static boolean selects(Map<String, Object> podSelector, Map<String, Object> podLabels) {
        Map<String, Object> matchLabels = YamlDocument.map(podSelector.get("matchLabels"));
        if (matchLabels.isEmpty() && podSelector.get("matchExpressions") == null) {
            return true; // podSelector: {} selects every pod of the namespace
        }
        for (Map.Entry<String, Object> entry : matchLabels.entrySet()) {
            if (!String.valueOf(entry.getValue()).equals(String.valueOf(podLabels.get(entry.getKey())))) {
                return false;
            }
        }
        return true;
    }

    static ItemOutcome networkSecurity(EvidenceContext context) {
        List<KubernetesObject> workloads = context.workloads();
        List<KubernetesObject> policies = context.kubernetes("NetworkPolicy");
        List<Evidence> problems = new ArrayList<>();
        List<Evidence> good = new ArrayList<>();
        int covered = 0;
        for (KubernetesObject workload : workloads) {
            KubernetesObject policy = policies.stream()
                    .filter(p -> p.namespace().equals(workload.namespace())
                            && selects(
                                    YamlDocument.map(
                                            p.document().at("spec.podSelector").orElse(null)),
                                    workload.podLabels()))
                    .findFirst()
                    .orElse(null);
            if (policy != null) {
                covered++;
                good.add(policy.evidence("selects the pods of " + workload.displayName()));
            } else {
                problems.add(workload.evidence("no NetworkPolicy selects its pods"));
            }
            if ("true".equals(String.valueOf(workload.podSpec().get("hostNetwork")))) {
                problems.add(workload.evidence("hostNetwork: true bypasses network policies"));
            }
        }
        int warnings = 0;
        for (KubernetesObject ingress : context.kubernetes("Ingress")) {
            if (ingress.document().at("spec.tls").isEmpty()) {
                warnings++;
                problems.add(ingress.evidence("no TLS"));
            }
        }
        for (KubernetesObject service : context.kubernetes("Service")) {
            if ("NodePort".equals(service.document().string("spec.type"))) {
                warnings++;
                problems.add(service.evidence("type NodePort opens a port on every node"));
            }
        }
        List<Evidence> openRules =
                EvidenceLines.of(context.grepTerraform("cidr_blocks\\s*=\\s*\\[\\s*\"0\\.0\\.0\\.0/0\""));
        warnings += openRules.size();
        problems.addAll(openRules);
        if (workloads.isEmpty()) {
            if (context.terraformFiles().isEmpty()) {
                return ItemOutcome.notApplicable("no Kubernetes workloads and no Terraform");
            }
            return openRules.isEmpty()
                    ? ItemOutcome.pass("no rule opens ingress to 0.0.0.0/0", List.of())
                    : ItemOutcome.warn(5, openRules.size() + " rules allow traffic from 0.0.0.0/0", openRules);
        }
        int score = Math.max(0, (int) Math.round(10.0 * covered / workloads.size()) - warnings);
        if (covered == 0) {
            return ItemOutcome.fail("no NetworkPolicy selects any of the " + workloads.size() + " workloads", problems);
        }
        if (!problems.isEmpty()) {
            return ItemOutcome.warn(
                    Math.max(1, Math.min(score, 9)),
                    covered + " of " + workloads.size() + " workloads covered by NetworkPolicies; " + problems.size()
                            + " problems",
                    concat(problems, good));
        }
        return ItemOutcome.pass("every workload is selected by a NetworkPolicy", good);
    }

    static ItemOutcome accessControl(EvidenceContext context) {
        List<Evidence> severe = new ArrayList<>();
        List<Evidence> warnings = new ArrayList<>();
        int checks = 0;
        for (KubernetesObject binding : context.kubernetes()) {
            if (binding.kind().endsWith("RoleBinding")) {
                checks++;
                if ("cluster-admin".equals(binding.document().string("roleRef.name"))) {
                    severe.add(binding.evidence("binds cluster-admin"));
                }
            } else if (binding.kind().equals("Role") || binding.kind().equals("ClusterRole")) {
                checks++;
                for (Object rule : YamlDocument.list(binding.body().get("rules"))) {
                    Map<String, Object> r = YamlDocument.map(rule);
                    if (YamlDocument.list(r.get("verbs")).contains("*")
                            || YamlDocument.list(r.get("resources")).contains("*")) {
                        warnings.add(binding.evidence("grants '*' verbs or resources"));
                        break;
                    }
                }
            }
        }
        for (KubernetesObject workload : context.workloads()) {
            Map<String, Object> podContext = YamlDocument.map(workload.podSpec().get("securityContext"));
            for (Map<String, Object> container : workload.containers()) {
                Map<String, Object> sc = YamlDocument.map(container.get("securityContext"));
                String name = "container " + container.get("name") + ": ";
                checks += 4;
                boolean nonRoot = "true".equals(first(sc, podContext, "runAsNonRoot"))
                        || isNonRootUser(first(sc, podContext, "runAsUser"));
                if (!nonRoot) {
                    severe.add(workload.evidence(name + "may run as root (set runAsNonRoot: true)"));
                }
                if (!"false".equals(String.valueOf(sc.get("allowPrivilegeEscalation")))) {
                    severe.add(workload.evidence(name + "allowPrivilegeEscalation is not false"));
                }
                if ("true".equals(String.valueOf(sc.get("privileged")))) {
                    severe.add(workload.evidence(name + "privileged: true"));
                }
                if (!"true".equals(String.valueOf(sc.get("readOnlyRootFilesystem")))) {
                    warnings.add(workload.evidence(name + "readOnlyRootFilesystem is not true"));
                }
            }
        }
        for (String dockerfile : context.dockerfiles()) {
            checks++;
            Dockerfiles.FinalUser user = Dockerfiles.finalUser(context.workspace(), dockerfile);
            if (user.user() == null) {
                severe.add(Evidence.at(dockerfile, 0, "the final stage sets no USER, the container runs as root"));
            } else if (Dockerfiles.isRoot(user.user())) {
                severe.add(Evidence.at(dockerfile, user.line(), "USER " + user.user() + " runs as root"));
            }
        }
        if (checks == 0) {
            return ItemOutcome.notApplicable("no Kubernetes workloads, RBAC objects or Dockerfiles");
        }
        int score = (int) Math.round(10.0 * Math.max(0, checks - severe.size() - warnings.size() * 0.5) / checks);
        if (!severe.isEmpty()) {
            return ItemOutcome.fail(
                    Math.min(score, 4),
                    severe.size() + " privilege problems (root, escalation," + " privileged, cluster-admin)",
                    concat(severe, warnings));
        }
        if (!warnings.isEmpty()) {
            return ItemOutcome.warn(Math.max(5, Math.min(score, 9)), warnings.size() + " hardening gaps", warnings);
        }
        return ItemOutcome.pass(
                "least privilege: non-root, no escalation, read-only root, no cluster-admin", List.of());
    }

    private static Object first(Map<String, Object> container, Map<String, Object> pod, String key) {
        Object value = container.get(key);
        return value != null ? String.valueOf(value) : pod.get(key) == null ? null : String.valueOf(pod.get(key));
    }

    private static boolean isNonRootUser(Object uid) {
        if (uid == null) {
            return false;
        }
        try {
            return Long.parseLong(uid.toString()) > 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
