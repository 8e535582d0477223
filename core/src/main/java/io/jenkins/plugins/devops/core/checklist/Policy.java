package io.jenkins.plugins.devops.core.checklist;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * When a report fails or marks the build unstable.
 *
 * <ul>
 *   <li>FAILURE when {@code failOnCriticalFailure} and a CRITICAL item FAILs, or when {@code minimumScore} is set and
 *       the overall score is below it;
 *   <li>otherwise UNSTABLE when {@code unstableOnWarnings} and any item is WARN or FAIL;
 *   <li>otherwise PASS.
 * </ul>
 *
 * <p>By default a failed critical item is a finding of the report, like a failed test in a JUnit report: UNSTABLE,
 * not FAILURE. FAILURE is for a policy the user asked for ({@code failOnCriticalFailure: true} or a minimum score in
 * the configuration file, {@code failOn: 'critical'} in Jenkins, {@code --fail-on critical} on the command line).
 *
 * @param failOnCriticalFailure fail when a critical item fails (default false: it counts as a warning)
 * @param minimumScore fail below this overall score, 0–10; negative disables (default disabled)
 * @param unstableOnWarnings unstable when any item warns or fails (default true)
 */
public record Policy(boolean failOnCriticalFailure, double minimumScore, boolean unstableOnWarnings) {

    public static final Policy DEFAULT = new Policy(false, -1, true);

    public Policy {
        if (minimumScore > 10) {
            throw new IllegalArgumentException("minimumScore must be between 0 and 10, was " + minimumScore);
        }
    }

    /** Applies the policy to evaluated checklists with the given overall score. */
    public PolicyOutcome evaluate(List<ChecklistResult> checklists, double overallScore) {
        return evaluate(checklists, overallScore, Set.of());
    }

    /**
     * Applies the policy leaving out the items in {@code waived} (suppressed, or known from the baseline); the
     * overall score is taken as it is.
     */
    public PolicyOutcome evaluate(List<ChecklistResult> checklists, double overallScore, Set<String> waived) {
        List<String> failures = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        for (ChecklistResult checklist : checklists) {
            for (ItemResult item : checklist.items()) {
                if (waived.contains(item.id())) {
                    continue;
                }
                if (item.status() == Status.FAIL && item.severity() == Severity.CRITICAL && failOnCriticalFailure) {
                    failures.add("critical item " + item.id() + " failed: " + item.summary());
                } else if (item.status() == Status.FAIL || item.status() == Status.WARN) {
                    warnings.add(item.id() + " is " + item.status() + ": " + item.summary());
                }
            }
        }
        if (minimumScore >= 0 && overallScore >= 0 && overallScore < minimumScore) {
            failures.add(String.format(
                    Locale.ROOT, "overall score %.1f is below the minimum %.1f", overallScore, minimumScore));
        }
        if (!failures.isEmpty()) {
            return new PolicyOutcome(PolicyVerdict.FAILURE, failures);
        }
        if (unstableOnWarnings && !warnings.isEmpty()) {
            return new PolicyOutcome(PolicyVerdict.UNSTABLE, warnings);
        }
        return new PolicyOutcome(PolicyVerdict.PASS, List.of());
    }
}
