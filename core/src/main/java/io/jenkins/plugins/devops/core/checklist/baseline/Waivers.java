package io.jenkins.plugins.devops.core.checklist.baseline;

import io.jenkins.plugins.devops.core.checklist.ChecklistReport;
import io.jenkins.plugins.devops.core.checklist.ChecklistResult;
import io.jenkins.plugins.devops.core.checklist.Evidence;
import io.jenkins.plugins.devops.core.checklist.ItemResult;
import io.jenkins.plugins.devops.core.checklist.Policy;
import io.jenkins.plugins.devops.core.checklist.PolicyOutcome;
import io.jenkins.plugins.devops.core.checklist.Suppression;
import io.jenkins.plugins.devops.core.checklist.Waiver;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The last step of an evaluation: decides which item results the policy counts. Suppressions in force and results
 * the baseline knows are left out; expired suppressions are listed and no longer suppress. Statuses and scores stay
 * as evaluated, so the report stays true; each affected item gets a first evidence line saying why
 * ({@code fact:suppression}, {@code fact:baseline}), which every report format shows.
 */
public final class Waivers {
    /** Source prefix of the evidence notes this step adds. */
    static final String NOTE_PREFIX = "fact:";

    private Waivers() {}

    /**
     * @param report the evaluated report (its policy outcome is replaced)
     * @param suppressions the configuration's suppressions
     * @param baseline accepted findings, or null for none
     * @param policy the policy to apply to what counts
     * @param today the day expiry is judged against
     */
    public static ChecklistReport apply(
            ChecklistReport report, List<Suppression> suppressions, Baseline baseline, Policy policy, LocalDate today) {
        Map<String, Suppression> byItem =
                suppressions.stream().collect(Collectors.toMap(Suppression::item, Function.identity(), (a, b) -> a));
        List<Waiver> waivers = new ArrayList<>();
        List<ChecklistResult> checklists = new ArrayList<>();
        for (ChecklistResult checklist : report.checklists()) {
            List<ItemResult> items = new ArrayList<>();
            for (ItemResult item : checklist.items()) {
                Optional<Waiver> waiver = waiver(item, byItem.get(item.id()), baseline, today);
                waiver.ifPresent(waivers::add);
                items.add(waiver.map(w -> noted(item, w)).orElse(item));
            }
            checklists.add(new ChecklistResult(checklist.category(), checklist.score(), items));
        }
        return new ChecklistReport(
                report.workspace(),
                checklists,
                report.score(),
                evaluate(policy, checklists, report.score(), waivers),
                report.secretScan(),
                waivers);
    }

    /**
     * The policy over the items the waivers do not leave out, with one reason per expired suppression added (also
     * for callers that re-score a part of a report, like the Jenkins step restricted to some checklists).
     */
    public static PolicyOutcome evaluate(
            Policy policy, List<ChecklistResult> checklists, double score, List<Waiver> waivers) {
        PolicyOutcome outcome = policy.evaluate(checklists, score, waived(waivers));
        List<String> reasons = new ArrayList<>(outcome.reasons());
        for (Waiver waiver : waivers) {
            if (waiver.kind() == Waiver.Kind.SUPPRESSION_EXPIRED) {
                reasons.add("suppression of " + waiver.item() + " " + waiver.detail());
            }
        }
        return new PolicyOutcome(outcome.verdict(), reasons);
    }

    /** The ids of items the policy leaves out. */
    public static Set<String> waived(List<Waiver> waivers) {
        return waivers.stream().filter(w -> w.kind().waives()).map(Waiver::item).collect(Collectors.toSet());
    }

    private static Optional<Waiver> waiver(
            ItemResult item, Suppression suppression, Baseline baseline, LocalDate today) {
        if (suppression != null && !suppression.isExpired(today)) {
            return Optional.of(new Waiver(item.id(), Waiver.Kind.SUPPRESSED, suppression.describe()));
        }
        Optional<Waiver> known = baseline == null
                ? Optional.empty()
                : baseline.knows(item)
                        .map(entry -> new Waiver(
                                item.id(),
                                Waiver.Kind.BASELINE,
                                "known in the baseline as " + entry.status() + " " + entry.score() + "/10"));
        if (known.isPresent()) {
            return known;
        }
        if (suppression != null) {
            return Optional.of(new Waiver(
                    item.id(),
                    Waiver.Kind.SUPPRESSION_EXPIRED,
                    "expired after " + suppression.expires() + " (" + suppression.describe()
                            + "): it counts again; renew or remove it"));
        }
        return Optional.empty();
    }

    private static ItemResult noted(ItemResult item, Waiver waiver) {
        String name = waiver.kind() == Waiver.Kind.BASELINE ? "baseline" : "suppression";
        List<Evidence> evidence = new ArrayList<>();
        evidence.add(Evidence.fact(name, waiver.detail()));
        evidence.addAll(item.evidence());
        return new ItemResult(
                item.id(),
                item.title(),
                item.category(),
                item.severity(),
                item.status(),
                item.score(),
                item.summary(),
                evidence,
                item.remediation());
    }
}
