package io.jenkins.plugins.devops.core.gate;

/** The outcome of one gate evaluation or one measurement. */
public enum Verdict {
    PASSED,
    FAILED,
    /**
     * No decision could be made (no data, NaN, query error, endpoint unreachable). Gates apply their own
     * inconclusive policy; an inconclusive verdict that reaches the engine is treated as a failure.
     */
    INCONCLUSIVE
}
