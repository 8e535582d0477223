package io.jenkins.plugins.devops.core.checklist.items;

import io.jenkins.plugins.devops.core.checklist.Evidence;
import io.jenkins.plugins.devops.core.checklist.Status;
import java.util.ArrayList;
import java.util.List;

/**
 * What one check concluded, before the engine adds the item's id, severity and remediation.
 *
 * @param status the status
 * @param score 0–10 (ignored unless PASS/WARN/FAIL)
 * @param summary one sentence: why
 * @param evidence at most {@link #MAX_EVIDENCE} entries, the rest summarised in one entry
 */
public record ItemOutcome(Status status, int score, String summary, List<Evidence> evidence) {
    static final int MAX_EVIDENCE = 15;

    public ItemOutcome {
        if (evidence.size() > MAX_EVIDENCE) {
            List<Evidence> kept = new ArrayList<>(evidence.subList(0, MAX_EVIDENCE - 1));
            kept.add(Evidence.at("…", 0, (evidence.size() - MAX_EVIDENCE + 1) + " more"));
            evidence = kept;
        }
        evidence = List.copyOf(evidence);
    }

    public static ItemOutcome pass(String summary, List<Evidence> evidence) {
        return new ItemOutcome(Status.PASS, 10, summary, evidence);
    }

    public static ItemOutcome warn(int score, String summary, List<Evidence> evidence) {
        return new ItemOutcome(Status.WARN, score, summary, evidence);
    }

    public static ItemOutcome fail(String summary, List<Evidence> evidence) {
        return new ItemOutcome(Status.FAIL, 0, summary, evidence);
    }

    public static ItemOutcome fail(int score, String summary, List<Evidence> evidence) {
        return new ItemOutcome(Status.FAIL, score, summary, evidence);
    }

    public static ItemOutcome notApplicable(String summary) {
        return new ItemOutcome(Status.NOT_APPLICABLE, -1, summary, List.of());
    }

    public static ItemOutcome unknown(String summary, List<Evidence> evidence) {
        return new ItemOutcome(Status.UNKNOWN, -1, summary, evidence);
    }
}
