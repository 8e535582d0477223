package io.jenkins.plugins.devops.core.dora;

/** The figures a {@link DoraReport} rates. */
public enum DoraMetric {
    DEPLOYMENT_FREQUENCY,
    LEAD_TIME,
    CHANGE_FAILURE_RATE,
    TIME_TO_RESTORE,
    AVAILABILITY
}
