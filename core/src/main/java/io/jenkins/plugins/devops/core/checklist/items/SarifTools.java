package io.jenkins.plugins.devops.core.checklist.items;

import io.jenkins.plugins.devops.core.checklist.evidence.SarifRun;
import java.util.Locale;
import java.util.regex.Pattern;

/** Sorts SARIF runs by what the tool checks: compliance/misconfiguration, secrets, or vulnerabilities. */
final class SarifTools {
    static final Pattern COMPLIANCE = Pattern.compile(
            "checkov|kube-score|polaris|kubesec|tfsec|kics|terrascan|conftest|scorecard|kube-linter|kubescape"
                    + "|devops checklist");
    static final Pattern SECRETS = Pattern.compile("gitleaks|trufflehog|detect-secrets|secretlint");

    private SarifTools() {}

    static boolean isCompliance(SarifRun run) {
        return COMPLIANCE.matcher(run.tool().toLowerCase(Locale.ROOT)).find();
    }

    static boolean isSecrets(SarifRun run) {
        return SECRETS.matcher(run.tool().toLowerCase(Locale.ROOT)).find();
    }

    static boolean isVulnerability(SarifRun run) {
        return !isCompliance(run) && !isSecrets(run);
    }
}
