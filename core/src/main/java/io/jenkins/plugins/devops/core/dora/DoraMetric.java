package io.jenkins.plugins.devops.core.dora;

/**
 * The figures a {@link DoraReport} rates, named as DORA names them (dora.dev, 2024 and 2025 reports). {@link #key()}
 * is the name used in JSON, the step's result map and {@code api/json}.
 */
public enum DoraMetric {
    /** How often successful deployments reach the environment (per day). */
    DEPLOYMENT_FREQUENCY("deploymentFrequency", "deployment frequency"),
    /** Change lead time: from commit to running in the environment. */
    LEAD_TIME_FOR_CHANGES("leadTimeForChanges", "lead time for changes"),
    /** Share of deployments that failed or needed immediate intervention. */
    CHANGE_FAILURE_RATE("changeFailureRate", "change failure rate"),
    /** Time from a failed deployment to the service being good again (DORA 2023 on; formerly time to restore). */
    FAILED_DEPLOYMENT_RECOVERY_TIME("failedDeploymentRecoveryTime", "failed deployment recovery time"),
    /** Share of deployments that were unplanned, made to fix a problem (DORA 2024 on). */
    DEPLOYMENT_REWORK_RATE("deploymentReworkRate", "deployment rework rate"),
    /** Not a DORA metric: the team's reliability target, kept beside them. */
    AVAILABILITY("availability", "availability");

    private final String key;
    private final String label;

    DoraMetric(String key, String label) {
        this.key = key;
        this.label = label;
    }

    /** The JSON name, e.g. {@code failedDeploymentRecoveryTime}. */
    public String key() {
        return key;
    }

    /** The name in words, e.g. {@code failed deployment recovery time}. */
    public String label() {
        return label;
    }
}
