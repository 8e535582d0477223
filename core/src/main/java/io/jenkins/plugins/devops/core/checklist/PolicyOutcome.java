package io.jenkins.plugins.devops.core.checklist;

import java.util.List;

/**
 * The policy's verdict with the reasons (empty for PASS).
 *
 * @param verdict PASS, UNSTABLE or FAILURE
 * @param reasons sentences naming the items or score that decided it
 */
public record PolicyOutcome(PolicyVerdict verdict, List<String> reasons) {
    public PolicyOutcome {
        reasons = List.copyOf(reasons);
    }
}
