package io.jenkins.plugins.devops.core.checklist;

import java.util.List;

/**
 * The result of one checklist item.
 *
 * @param id stable item id, e.g. {@code security.secrets-management}
 * @param title human title
 * @param category the checklist it belongs to
 * @param severity its (possibly configured) severity
 * @param status PASS / WARN / FAIL / NOT_APPLICABLE / UNKNOWN
 * @param score 0–10, or -1 when not scored (NOT_APPLICABLE, UNKNOWN)
 * @param summary one sentence saying why this status
 * @param evidence where the evidence was found
 * @param remediation what to do when the status is not PASS
 */
public record ItemResult(
        String id,
        String title,
        Category category,
        Severity severity,
        Status status,
        int score,
        String summary,
        List<Evidence> evidence,
        String remediation) {
    public ItemResult {
        evidence = List.copyOf(evidence);
        if (status.isScored() && (score < 0 || score > 10)) {
            throw new IllegalArgumentException("score must be 0..10 for " + id + ", was " + score);
        }
        if (!status.isScored()) {
            score = -1;
        }
    }
}
