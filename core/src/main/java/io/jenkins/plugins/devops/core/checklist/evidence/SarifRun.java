package io.jenkins.plugins.devops.core.checklist.evidence;

/**
 * Results of one SARIF run, counted by severity.
 *
 * <p>A result's severity is its rule's {@code properties.security-severity} (CVSS: ≥9 critical, ≥7 high, ≥4 medium,
 * otherwise low) when given, as Trivy, Grype, CodeQL and gitleaks write it; else its level: {@code error} → high,
 * {@code warning} → medium, {@code note} → low. Results of kind {@code pass}, {@code notApplicable} and
 * {@code informational}, and level {@code none}, are not counted.
 *
 * @param file the SARIF file
 * @param tool {@code tool.driver.name}
 * @param critical count of critical results
 * @param high count of high results
 * @param medium count of medium results
 * @param low count of low results
 */
public record SarifRun(String file, String tool, int critical, int high, int medium, int low) {
    public int total() {
        return critical + high + medium + low;
    }

    /** {@code Trivy: 1 critical, 2 high, 0 medium, 3 low}. */
    public String summary() {
        return tool + ": " + critical + " critical, " + high + " high, " + medium + " medium, " + low + " low";
    }
}
