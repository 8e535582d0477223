package io.jenkins.plugins.devops.core.checklist.items;

import static io.jenkins.plugins.devops.core.checklist.items.EvidenceLines.concat;

import io.jenkins.plugins.devops.core.checklist.Evidence;
import io.jenkins.plugins.devops.core.checklist.evidence.EvidenceContext;
import io.jenkins.plugins.devops.core.checklist.evidence.KubernetesObject;
import io.jenkins.plugins.devops.core.checklist.evidence.LabelSelector;
import io.jenkins.plugins.devops.core.checklist.evidence.Scalars;
import io.jenkins.plugins.devops.core.checklist.evidence.YamlDocument;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The security items judged mostly from Kubernetes objects, in the style of kube-score and Polaris: network policies
 * selecting each workload, and least privilege (security contexts, Dockerfile USER, RBAC).
 */
final class KubernetesSecurityChecks {
    private KubernetesSecurityChecks() {}

    /** A NetworkPolicy's podSelector; the field is required, so a missing one decodes as {@code {}} (all pods). */
    private static LabelSelector podSelector(KubernetesObject policy) {
        return LabelSelector.of(policy.document().at("spec.podSelector").orElse(Map.of()));
    }

    /** Ingress and/or Egress, as the API server defaults {@code policyTypes} when it is not written. */
    private static Set<String> policyTypes(KubernetesObject policy) {
        List<Object> written =
                YamlDocument.list(policy.document().at("spec.policyTypes").orElse(null));
        if (!written.isEmpty()) {
            Set<String> types = new HashSet<>();
            written.forEach(type -> types.add(String.valueOf(type)));
            return types;
        }
        return policy.document().at("spec.egress").isPresent() ? Set.of("Ingress", "Egress") : Set.of("Ingress");
    }

    static ItemOutcome networkSecurity(EvidenceContext context) {
        List<KubernetesObject> workloads = context.workloads();
        List<KubernetesObject> policies = context.kubernetes("NetworkPolicy");
        List<Evidence> problems = new ArrayList<>();
        List<Evidence> good = new ArrayList<>();
        int covered = 0;
        for (KubernetesObject workload : workloads) {
            List<KubernetesObject> selecting = policies.stream()
                    .filter(p -> p.namespace().equals(workload.namespace())
                            && podSelector(p).matches(workload.podLabels()))
                    .toList();
            Set<String> types = new HashSet<>();
            selecting.forEach(p -> types.addAll(policyTypes(p)));
            if (!selecting.isEmpty()) {
                covered++;
                good.add(selecting.get(0).evidence("selects the pods of " + workload.displayName()));
                if (!types.contains("Egress")) {
                    problems.add(workload.evidence("no NetworkPolicy restricts its egress"));
                } else if (!types.contains("Ingress")) {
                    problems.add(workload.evidence("no NetworkPolicy restricts its ingress"));
                }
            } else {
                problems.add(workload.evidence("no NetworkPolicy selects its pods"));
            }
            if (Scalars.isTrue(workload.podSpec().get("hostNetwork"))) {
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
            // Ingresses, Services and Terraform rules are judged on their own, wherever they are in the workspace
            boolean exposure = !context.kubernetes("Ingress").isEmpty()
                    || !context.kubernetes("Service").isEmpty();
            if (context.terraformFiles().isEmpty() && !exposure) {
                return ItemOutcome.notApplicable("no Kubernetes workloads, Ingresses, Services or Terraform");
            }
            return problems.isEmpty()
                    ? ItemOutcome.pass(
                            "no Ingress without TLS, no NodePort Service and no rule open to 0.0.0.0/0", List.of())
                    : ItemOutcome.warn(
                            Math.max(1, 10 - warnings),
                            problems.size() + " exposure problems (Ingress without TLS, NodePort, 0.0.0.0/0)",
                            problems);
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
                clusterAdmin(context, binding).ifPresent(severe::add);
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
                boolean nonRoot = nonRoot(sc) || (nonRoot(podContext) && !allowsRoot(sc));
                if (!nonRoot) {
                    severe.add(workload.evidence(name + "may run as root (set runAsNonRoot: true)"));
                }
                if (!Scalars.isFalse(sc.get("allowPrivilegeEscalation"))) {
                    severe.add(workload.evidence(name + "allowPrivilegeEscalation is not false"));
                }
                if (Scalars.isTrue(sc.get("privileged"))) {
                    severe.add(workload.evidence(name + "privileged: true"));
                }
                if (!Scalars.isTrue(sc.get("readOnlyRootFilesystem"))) {
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

    private static final Set<String> ALL_VERBS = Set.of("get", "list", "watch", "create", "update", "patch", "delete");

    /**
     * A (Cluster)RoleBinding that grants cluster-admin: to the cluster-admin ClusterRole itself, or to a ClusterRole of
     * the workspace with a rule granting every verb (or the seven read and write verbs) on every resource of every
     * API group. The cluster's own default bindings ({@code cluster-admin}, {@code system:*}) are not the team's
     * doing and are left out, as Polaris leaves them out.
     */
    private static Optional<Evidence> clusterAdmin(EvidenceContext context, KubernetesObject binding) {
        String name = binding.name();
        if (name.equals("cluster-admin")
                || name.startsWith("system:")
                || name.equals("gce:podsecuritypolicy:calico-sa")
                || !"ClusterRole".equals(binding.document().string("roleRef.kind"))) {
            return Optional.empty();
        }
        String role = binding.document().string("roleRef.name");
        if ("cluster-admin".equals(role)) {
            return Optional.of(binding.evidence("binds cluster-admin"));
        }
        boolean equivalent = context.kubernetes("ClusterRole").stream()
                .filter(r -> r.name().equals(role))
                .flatMap(r -> YamlDocument.list(r.body().get("rules")).stream())
                .map(YamlDocument::map)
                .anyMatch(rule -> {
                    List<Object> verbs = YamlDocument.list(rule.get("verbs"));
                    return YamlDocument.list(rule.get("apiGroups")).contains("*")
                            && YamlDocument.list(rule.get("resources")).contains("*")
                            && (verbs.contains("*") || verbs.containsAll(ALL_VERBS));
                });
        return equivalent
                ? Optional.of(binding.evidence("binds ClusterRole/" + role + ", equivalent to cluster-admin (every verb"
                        + " on every resource)"))
                : Optional.empty();
    }

    /** A security context that asks for a non-root user: {@code runAsNonRoot: true} or {@code runAsUser >= 1}. */
    private static boolean nonRoot(Map<String, Object> securityContext) {
        Long uid = Scalars.integer(securityContext.get("runAsUser"));
        return Scalars.isTrue(securityContext.get("runAsNonRoot")) || (uid != null && uid >= 1);
    }

    /**
     * A container context that overrides a non-root pod context: {@code runAsUser: 0} or {@code runAsNonRoot:
     * false} (Polaris' runAsRootAllowed reads an explicit false as allowing root, whatever the pod's user).
     */
    private static boolean allowsRoot(Map<String, Object> securityContext) {
        Long uid = Scalars.integer(securityContext.get("runAsUser"));
        return (uid != null && uid < 1) || Scalars.isFalse(securityContext.get("runAsNonRoot"));
    }
}
