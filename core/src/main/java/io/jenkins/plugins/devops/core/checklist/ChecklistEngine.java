package io.jenkins.plugins.devops.core.checklist;

import io.jenkins.plugins.devops.core.checklist.baseline.Waivers;
import io.jenkins.plugins.devops.core.checklist.evidence.EvidenceContext;
import io.jenkins.plugins.devops.core.checklist.evidence.Workspace;
import io.jenkins.plugins.devops.core.checklist.items.BuiltInItems;
import io.jenkins.plugins.devops.core.checklist.items.ChecklistItem;
import io.jenkins.plugins.devops.core.checklist.items.CustomItemCheck;
import io.jenkins.plugins.devops.core.checklist.items.ItemOutcome;
import io.jenkins.plugins.devops.core.checklist.secrets.SecretScanResult;
import io.jenkins.plugins.devops.core.checklist.secrets.SecretScanner;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Evaluates the checklists: index the workspace, read the reports, scan for secrets, run every enabled item, score
 * and apply the policy. Pure apart from reading the workspace; writers in {@code checklist.report} render the result.
 *
 * <p>Example:
 *
 * <pre>{@code
 * ChecklistReport report = new ChecklistEngine().evaluate(
 *         new ChecklistRequest(workspace, ChecklistConfig.fromYaml(configFile), Facts.none().withCanRollBack(true)));
 * if (report.policy().verdict() == PolicyVerdict.FAILURE) { ... }
 * }</pre>
 */
public final class ChecklistEngine {
    private final Clock clock;

    public ChecklistEngine() {
        this(Clock.systemDefaultZone());
    }

    /** @param clock decides which suppressions have expired */
    public ChecklistEngine(Clock clock) {
        this.clock = clock;
    }

    /**
     * Evaluates the request.
     *
     * @throws ChecklistInputException when the workspace, a report or the configuration cannot be used; thrown before
     *     any item is evaluated
     */
    public ChecklistReport evaluate(ChecklistRequest request) {
        ChecklistConfig config = request.config();
        List<ChecklistItem> items = plan(config);
        request.progress().accept("checklist: indexing " + request.workspace());
        Workspace workspace =
                Workspace.index(request.workspace(), config.secretScan().folders());
        EvidenceContext context = new EvidenceContext(workspace, request.facts(), config, null);
        context.loadReports();
        request.progress()
                .accept("checklist: " + workspace.files().size() + " files, "
                        + context.sarif().size()
                        + " SARIF runs, " + context.tests().size() + " JUnit reports, "
                        + context.coverage().size()
                        + " coverage reports");
        SecretScanResult secrets = null;
        if (config.secretScanEnabled()) {
            request.progress()
                    .accept("checklist: secret scan with "
                            + config.secretScan().rules().size() + " rules");
            secrets = new SecretScanner(config.secretScan()).scan(request.workspace(), request.progress());
            context = context.withSecretScan(secrets);
        }
        Map<Category, List<ItemResult>> byCategory = new EnumMap<>(Category.class);
        int done = 0;
        for (ChecklistItem item : items) {
            ItemResult result = run(item, context, config);
            byCategory.computeIfAbsent(item.category(), c -> new ArrayList<>()).add(result);
            done++;
            request.progress()
                    .accept("checklist: " + done + "/" + items.size() + " " + item.id() + " " + result.status());
        }
        List<ChecklistResult> checklists = new ArrayList<>();
        byCategory.forEach((category, results) ->
                checklists.add(new ChecklistResult(category, ChecklistReport.weightedScore(results), results)));
        List<ItemResult> all =
                checklists.stream().flatMap(c -> c.items().stream()).toList();
        double score = ChecklistReport.weightedScore(all);
        // the policy as if nothing were waived; Waivers replaces it with the one over what counts
        PolicyOutcome outcome = config.policy().evaluate(checklists, score);
        ChecklistReport evaluated =
                new ChecklistReport(request.workspace().toString(), checklists, score, outcome, secrets);
        return Waivers.apply(
                evaluated, config.suppressions(), request.baseline(), config.policy(), LocalDate.now(clock));
    }

    /**
     * Runs only the secret scan (no items): the report has no checklists, and the verdict is FAILURE when the scan
     * finds secrets. For pre-commit style checks and for measuring the scan on its own.
     */
    public ChecklistReport scanSecrets(ChecklistRequest request) {
        SecretScanResult secrets =
                new SecretScanner(request.config().secretScan()).scan(request.workspace(), request.progress());
        PolicyOutcome outcome = secrets.findings().isEmpty()
                ? new PolicyOutcome(PolicyVerdict.PASS, List.of())
                : new PolicyOutcome(
                        PolicyVerdict.FAILURE,
                        List.of(secrets.findings().size() + " secrets found, first at "
                                + secrets.findings().get(0).location()));
        return new ChecklistReport(request.workspace().toString(), List.of(), -1, outcome, secrets);
    }

    /** The items to run: enabled built-ins with their configured severities, then custom items. */
    static List<ChecklistItem> plan(ChecklistConfig config) {
        for (String id : config.items().keySet()) {
            if (!BuiltInItems.ids().contains(id)) {
                throw new ChecklistInputException("unknown item id '" + id + "' in the configuration; the built-in ids"
                        + " are listed in docs/checklists.md");
            }
        }
        List<ChecklistItem> items = new ArrayList<>();
        for (ChecklistItem item : BuiltInItems.all()) {
            ItemSettings settings = config.items().get(item.id());
            if (settings == null) {
                items.add(item);
            } else if (settings.enabled()) {
                items.add(
                        settings.severity() == null
                                ? item
                                : new ChecklistItem(
                                        item.id(),
                                        item.title(),
                                        item.category(),
                                        settings.severity(),
                                        item.remediation(),
                                        item.check()));
            }
        }
        for (CustomItem custom : config.customItems()) {
            if (BuiltInItems.ids().contains(custom.id())) {
                throw new ChecklistInputException("custom item id '" + custom.id() + "' clashes with a built-in item;"
                        + " give it its own id, e.g. 'custom." + custom.id() + "'");
            }
            items.add(CustomItemCheck.toItem(custom));
        }
        return items;
    }

    private static ItemResult run(ChecklistItem item, EvidenceContext context, ChecklistConfig config) {
        ItemOutcome outcome;
        try {
            outcome = item.check().apply(context);
        } catch (ChecklistInputException e) {
            throw e;
        } catch (RuntimeException e) {
            // A check that trips over unexpected content must not hide the other results.
            outcome = ItemOutcome.unknown("could not evaluate: " + e, List.of());
        }
        return new ItemResult(
                item.id(),
                item.title(),
                item.category(),
                item.severity(),
                outcome.status(),
                outcome.score(),
                outcome.summary(),
                // several greps of one item may find the same line: list it once
                outcome.evidence().stream().distinct().toList(),
                item.remediation());
    }
}
