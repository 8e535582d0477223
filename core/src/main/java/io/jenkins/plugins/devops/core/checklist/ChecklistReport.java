package io.jenkins.plugins.devops.core.checklist;

import io.jenkins.plugins.devops.core.checklist.secrets.SecretScanResult;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Everything one evaluation produced: the four (or fewer) checklists, the overall risk-weighted score, the policy
 * outcome and the secret-scan summary (masked findings only). Writers in {@code checklist.report} render it.
 *
 * @param workspace the evaluated directory as given
 * @param checklists per-checklist results, in {@link Category} order
 * @param score overall risk-weighted score 0–10, -1 when nothing was scored
 * @param policy the policy outcome
 * @param secretScan the secret scan summary, or null when the scan was disabled
 * @param waivers suppressed items, items known from the baseline and expired suppressions (empty when none)
 */
public record ChecklistReport(
        String workspace,
        List<ChecklistResult> checklists,
        double score,
        PolicyOutcome policy,
        SecretScanResult secretScan,
        List<Waiver> waivers) {
    /** Version of the JSON schema written by the JSON writer (docs/checklists.md). */
    public static final int SCHEMA_VERSION = 1;

    public ChecklistReport {
        checklists = List.copyOf(checklists);
        waivers = waivers == null ? List.of() : List.copyOf(waivers);
    }

    /** A report without waivers. */
    public ChecklistReport(
            String workspace,
            List<ChecklistResult> checklists,
            double score,
            PolicyOutcome policy,
            SecretScanResult secretScan) {
        this(workspace, checklists, score, policy, secretScan, List.of());
    }

    /** All item results, checklist by checklist. */
    public Stream<ItemResult> items() {
        return checklists.stream().flatMap(checklist -> checklist.items().stream());
    }

    public Optional<ItemResult> item(String id) {
        return items().filter(item -> item.id().equals(id)).findFirst();
    }

    /** Risk-weighted average (Scorecard weights) of scored items; -1 when none is scored. */
    public static double weightedScore(List<ItemResult> items) {
        double weighted = 0;
        double weights = 0;
        for (ItemResult item : items) {
            if (item.status().isScored()) {
                weighted += item.score() * item.severity().weight();
                weights += item.severity().weight();
            }
        }
        return weights == 0 ? -1 : Math.round(weighted / weights * 10.0) / 10.0;
    }
}
