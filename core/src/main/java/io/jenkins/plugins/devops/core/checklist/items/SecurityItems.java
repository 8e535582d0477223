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
import java.util.regex.Pattern;

/** The security checklist. */
final class SecurityItems {
    /** Env names that hold credentials (Polaris' sensitiveContainerEnvVar list plus common spellings). */
    private static final String SENSITIVE_NAME = "(?i).*(password|passwd|secret|token|bearer|api_?key|private_?key).*"
            + "|(?i)GOOGLE_APPLICATION_CREDENTIALS|(?i)AZURE_.+KEY|(?i)OCI_CLI_KEY_CONTENT";

    private static final Pattern PRIVATE_KEY_VALUE = Pattern.compile("(?i)-BEGIN\\s+.*PRIVATE KEY-");

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
                        KubernetesSecurityChecks::networkSecurity),
                new ChecklistItem(
                        "security.access-control",
                        "Access control",
                        Category.SECURITY,
                        Severity.HIGH,
                        "Run containers as non-root (runAsNonRoot, USER in the Dockerfile), set"
                                + " allowPrivilegeEscalation: false and readOnlyRootFilesystem: true, never privileged,"
                                + " and bind narrow Roles instead of cluster-admin or '*' rules.",
                        KubernetesSecurityChecks::accessControl),
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
                    Object value = env.get("value");
                    if (value != null
                            && PRIVATE_KEY_VALUE.matcher(String.valueOf(value)).find()) {
                        leaks.add(workload.evidence("env " + name + " holds a literal private key"));
                    } else if (name.matches(SENSITIVE_NAME) && value != null) {
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
