package io.jenkins.plugins.devops.core.analysis.judge;

/** How a canary metric compares with the baseline. */
public enum Classification {
    /** No significant difference (or not beyond the allowed effect size). */
    PASS,
    /** The canary is significantly higher. */
    HIGH,
    /** The canary is significantly lower. */
    LOW,
    /** Canary or baseline had no samples. */
    NODATA
}
