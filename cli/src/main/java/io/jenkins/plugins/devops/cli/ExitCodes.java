package io.jenkins.plugins.devops.cli;

/** The exit codes of every {@code devops} command; scripts and CI jobs branch on them. */
public final class ExitCodes {
    /** Done: the deployment succeeded, the policy passed, the figures were printed. */
    public static final int OK = 0;
    /** The work ran and failed: a deployment rolled back or failed, a checklist policy failed. */
    public static final int FAILED = 1;
    /** Nothing was done: bad flags, a missing or malformed input file, an invalid request. */
    public static final int USAGE = 2;

    private ExitCodes() {}
}
