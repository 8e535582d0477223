package io.jenkins.plugins.devops.core.checklist.items;

import static io.jenkins.plugins.devops.core.checklist.items.EvidenceLines.concat;

import io.jenkins.plugins.devops.core.checklist.Category;
import io.jenkins.plugins.devops.core.checklist.Evidence;
import io.jenkins.plugins.devops.core.checklist.Severity;
import io.jenkins.plugins.devops.core.checklist.evidence.EvidenceContext;
import io.jenkins.plugins.devops.core.checklist.evidence.KubernetesObject;
import io.jenkins.plugins.devops.core.checklist.evidence.SarifRun;
import io.jenkins.plugins.devops.core.checklist.evidence.YamlDocument;
import io.jenkins.plugins.devops.core.checklist.secrets.SecretFinding;
import io.jenkins.plugins.devops.core.checklist.secrets.SecretScanResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The security checklist. */
final class SecurityItems {
    private static final String SENSITIVE_NAME = "(?i).*(password|passwd|secret|token|api_?key|private_?key).*";

    private SecurityItems() {}

    static List<ChecklistItem> items() {
        return List.of(
                new ChecklistItem(
                        "security.vulnerability-scanning",
                        "Vulnerability scanning",
                        Category.SECURITY,
                        Severity.CRITICAL,
                        "Scan dependencies and images (Trivy, Grype, Snyk, CodeQL...) writing SARIF, and fix or"
                                + " upgrade away critical and high findings.",
                        SecurityItems::vulnerabilityScanning),
                new ChecklistItem(
                        "security.secrets-management",
                        "Secrets management",
                        Category.SECURITY,
                        Severity.CRITICAL,
                        "Remove secrets from the repository and rotate them; read them from Jenkins credentials"
                                + " (withCredentials / credentials()) or Kubernetes secretKeyRef / External Secrets.",
                        SecurityItems::secretsManagement),
                new ChecklistItem(
                        "security.network-security",
                        "Network security",
                        Category.SECURITY,
                        Severity.HIGH,
                        "Add NetworkPolicies selecting every workload's pods, serve Ingresses with TLS, avoid"
                                + " hostNetwork, NodePort services and 0.0.0.0/0 ingress rules.",
                        SecurityItems::networkSecurity),
                new ChecklistItem(
                        "security.access-control",
                        "Access control",
                        Category.SECURITY,
                        Severity.HIGH,
                        "Run containers as non-root (runAsNonRoot, USER in the Dockerfile), set"
                                + " allowPrivilegeEscalation: false and readOnlyRootFilesystem: true, never privileged,"
                                + " and bind narrow Roles instead of cluster-admin or '*' rules.",
                        SecurityItems::accessControl),
                new ChecklistItem(
                        "security.audit-logging",
                        "Audit logging",
                        Category.SECURITY,
                        Severity.MEDIUM,
                        "Enable audit logging: a Kubernetes audit Policy, CloudTrail / cloud audit configs in"
                                + " Terraform, or Jenkins audit trail (passed as the auditLoggingEnabled fact).",
                        SecurityItems::auditLogging),
                new ChecklistItem(
                        "security.compliance-checks",
                        "Compliance checks",
                        Category.SECURITY,
                        Severity.MEDIUM,
                        "Check manifests and infrastructure against policy (Checkov, kube-score, Polaris, Conftest,"
                                + " Kyverno) in the pipeline, writing SARIF.",
                        SecurityItems::complianceChecks));
    }

    private static ItemOutcome vulnerabilityScanning(EvidenceContext context) {
        List<SarifRun> runs =
                context.sarif().stream().filter(SarifTools::isVulnerability).toList();
        if (runs.isEmpty()) {
            List<Evidence> steps = EvidenceLines.of(context.grepPipelines(
                    "\\b(trivy|grype|snyk|codeql|dependency-check|dependencyCheck|osv-scanner|anchore)\\b"));
            if (!steps.isEmpty()) {
                return ItemOutcome.warn(
                        5, "a vulnerability scanner is configured but no SARIF report was found", steps);
            }
            return ItemOutcome.fail("no vulnerability scan results (SARIF) and no scanner in the pipeline", List.of());
        }
        int critical = runs.stream().mapToInt(SarifRun::critical).sum();
        int high = runs.stream().mapToInt(SarifRun::high).sum();
        int medium = runs.stream().mapToInt(SarifRun::medium).sum();
        int low = runs.stream().mapToInt(SarifRun::low).sum();
        List<Evidence> evidence = runs.stream()
                .map(run -> Evidence.at(run.file(), 0, run.summary()))
                .toList();
        String counts = critical + " critical, " + high + " high, " + medium + " medium, " + low + " low";
        if (critical > 0) {
            return ItemOutcome.fail("vulnerability scans report " + counts, evidence);
        }
        if (high > 0) {
            return ItemOutcome.warn(4, "vulnerability scans report " + counts, evidence);
        }
        if (medium > 0) {
            return ItemOutcome.warn(7, "vulnerability scans report " + counts, evidence);
        }
        return ItemOutcome.pass("vulnerability scans ran: " + counts, evidence);
    }

    private static ItemOutcome secretsManagement(EvidenceContext context) {
        List<Evidence> leaks = new ArrayList<>();
        SecretScanResult scan = context.secretScan().orElse(null);
        if (scan != null) {
            for (SecretFinding finding : scan.findings()) {
                leaks.add(Evidence.at(finding.path(), finding.line(), finding.ruleId() + " " + finding.masked()));
            }
        }
        for (SarifRun run : context.sarif()) {
            if (SarifTools.isSecrets(run) && run.total() > 0) {
                leaks.add(Evidence.at(run.file(), 0, run.tool() + " reports " + run.total() + " secrets"));
            }
        }
        for (var match : context.grepPipelines(
                "\\b\\w*(password|passwd|secret|token|api_?key)\\w*\\s*[=:]\\s*['\"][^'\"$\\s]{4,}['\"]")) {
            if (!match.text().contains("credentials(")) {
                leaks.add(Evidence.at(match.file(), match.line(), "literal credential in the pipeline definition"));
            }
        }
        for (KubernetesObject workload : context.workloads()) {
            for (Map<String, Object> container : workload.containers()) {
                for (Object envNode : YamlDocument.list(container.get("env"))) {
                    Map<String, Object> env = YamlDocument.map(envNode);
                    String name = String.valueOf(env.get("name"));
                    if (name.matches(SENSITIVE_NAME) && env.get("value") != null) {
                        leaks.add(workload.evidence("env " + name + " holds a literal value instead of valueFrom"));
                    }
                }
            }
        }
        for (KubernetesObject secret : context.kubernetes("Secret")) {
            if (!YamlDocument.map(secret.body().get("data")).isEmpty()
                    || !YamlDocument.map(secret.body().get("stringData")).isEmpty()) {
                leaks.add(secret.evidence("Secret with data committed to the repository"));
            }
        }
        List<Evidence> good = new ArrayList<>(EvidenceLines.of(
                context.grepPipelines("\\b(withCredentials|credentials\\s*\\(|credentialsId|withVault|vault\\s)")));
        if (!context.facts().credentialsUsed().isEmpty()) {
            good.add(Evidence.fact("credentialsUsed", context.facts().credentialsUsed()));
        }
        for (KubernetesObject object : context.kubernetes()) {
            if (object.kind().equals("ExternalSecret") || object.kind().equals("SealedSecret")) {
                good.add(object.evidence("secret managed outside the repository"));
            }
        }
        if (!leaks.isEmpty()) {
            return ItemOutcome.fail(leaks.size() + " secrets or literal credentials found in the workspace", leaks);
        }
        if (scan == null && good.isEmpty()) {
            return ItemOutcome.unknown("the secret scan is disabled and no credential handling was found", List.of());
        }
        String scanned = scan == null ? "" : "no secrets in " + scan.filesScanned() + " scanned files";
        return ItemOutcome.pass(scanned.isEmpty() ? "credentials come from a secret store" : scanned, good);
    }

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

    private static ItemOutcome networkSecurity(EvidenceContext context) {
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

    private static ItemOutcome accessControl(EvidenceContext context) {
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

    private static ItemOutcome auditLogging(EvidenceContext context) {
        Boolean fact = context.facts().auditLoggingEnabled();
        if (Boolean.FALSE.equals(fact)) {
            return ItemOutcome.fail("audit logging is disabled", List.of(Evidence.fact("auditLoggingEnabled", false)));
        }
        List<Evidence> evidence = new ArrayList<>();
        if (Boolean.TRUE.equals(fact)) {
            evidence.add(Evidence.fact("auditLoggingEnabled", true));
        }
        for (KubernetesObject object : context.kubernetes()) {
            if (object.kind().equals("Policy") && object.apiVersion().startsWith("audit.k8s.io/")) {
                evidence.add(object.evidence("Kubernetes audit policy"));
            }
        }
        evidence.addAll(
                EvidenceLines.of(context.grepTerraform("resource\\s+\"(aws_cloudtrail|google_project_iam_audit_config"
                        + "|google_organization_iam_audit_config|azurerm_monitor_diagnostic_setting)\""
                        + "|enabled_cluster_log_types\\s*=.*audit|\"audit\"")));
        evidence.addAll(EvidenceLines.of(context.grepConfig("\\baudit-?trail\\b|\\bauditTrail\\b")));
        if (evidence.isEmpty()) {
            return ItemOutcome.fail("no audit logging configuration and no auditLoggingEnabled fact", List.of());
        }
        return ItemOutcome.pass("audit logging is enabled", evidence);
    }

    private static ItemOutcome complianceChecks(EvidenceContext context) {
        List<SarifRun> runs =
                context.sarif().stream().filter(SarifTools::isCompliance).toList();
        List<Evidence> policies = new ArrayList<>(EvidenceLines.files(
                context.workspace().filesNamed(".*\\.rego|\\.checkov\\.ya?ml|polaris.*\\.ya?ml|\\.kube-linter\\.ya?ml"),
                "policy as code"));
        for (KubernetesObject object : context.kubernetes()) {
            if (object.apiVersion().startsWith("kyverno.io/")
                    || object.apiVersion().startsWith("templates.gatekeeper.sh/")
                    || object.apiVersion().startsWith("constraints.gatekeeper.sh/")) {
                policies.add(object.evidence("admission policy"));
            }
        }
        List<Evidence> steps = EvidenceLines.of(context.grepPipelines(
                "\\b(checkov|kube-score|polaris|kubesec|tfsec|kics|terrascan|conftest|kube-linter|kubescape"
                        + "|devopsChecklist)\\b"));
        if (!runs.isEmpty()) {
            int severe = runs.stream().mapToInt(r -> r.critical() + r.high()).sum();
            List<Evidence> evidence = runs.stream()
                    .map(run -> Evidence.at(run.file(), 0, run.summary()))
                    .toList();
            if (severe > 0) {
                return ItemOutcome.warn(
                        5, "compliance checks ran and report " + severe + " critical/high violations", evidence);
            }
            return ItemOutcome.pass(
                    "compliance checks ran without critical or high violations", concat(evidence, policies));
        }
        if (!steps.isEmpty() || !policies.isEmpty()) {
            return ItemOutcome.warn(
                    6, "compliance tooling is configured but no SARIF results were found", concat(steps, policies));
        }
        return ItemOutcome.fail("no compliance or policy checks found", List.of());
    }
}
