package io.jenkins.plugins.devops.core.checklist;

/** What the policy makes of a report; maps to Jenkins' SUCCESS / UNSTABLE / FAILURE. */
public enum PolicyVerdict {
    PASS,
    UNSTABLE,
    FAILURE
}
