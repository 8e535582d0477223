package io.jenkins.plugins.devops.core.checklist;

/** The outcome of one checklist item. */
public enum Status {
    /** The evidence shows the practice is in place. */
    PASS,
    /** Partly in place, or in place with gaps worth fixing. */
    WARN,
    /** The evidence shows the practice is missing or broken. */
    FAIL,
    /** The item does not apply to this workspace (e.g. no Kubernetes workloads for network policies). */
    NOT_APPLICABLE,
    /** Not enough evidence to decide; excluded from scores like Scorecard's inconclusive result. */
    UNKNOWN;

    /** Whether the item counts towards scores. */
    public boolean isScored() {
        return this == PASS || this == WARN || this == FAIL;
    }
}
