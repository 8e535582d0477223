package io.jenkins.plugins.devops.model;

import hudson.AbortException;
import hudson.remoting.VirtualChannel;
import io.jenkins.plugins.devops.core.checklist.Category;
import io.jenkins.plugins.devops.core.checklist.ChecklistConfig;
import io.jenkins.plugins.devops.core.checklist.ChecklistEngine;
import io.jenkins.plugins.devops.core.checklist.ChecklistInputException;
import io.jenkins.plugins.devops.core.checklist.ChecklistReport;
import io.jenkins.plugins.devops.core.checklist.ChecklistRequest;
import io.jenkins.plugins.devops.core.checklist.ChecklistResult;
import io.jenkins.plugins.devops.core.checklist.Facts;
import io.jenkins.plugins.devops.core.checklist.ItemResult;
import io.jenkins.plugins.devops.core.checklist.Policy;
import io.jenkins.plugins.devops.core.checklist.Waiver;
import io.jenkins.plugins.devops.core.checklist.baseline.BaselineFile;
import io.jenkins.plugins.devops.core.checklist.baseline.Waivers;
import io.jenkins.plugins.devops.core.checklist.report.JsonReportWriter;
import java.io.File;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import jenkins.MasterToSlaveFileCallable;

/**
 * Runs core's checklist engine where the workspace is (the controller or an agent) and returns the report as
 * core's JSON. Only plain values cross the channel: the settings in, the JSON text out.
 */
final class ChecklistEvaluation extends MasterToSlaveFileCallable<String> {
    private static final long serialVersionUID = 1L;

    private final String configFile;
    private final ArrayList<String> categories;
    private final ArrayList<String> stages;
    private final ArrayList<String> credentialsUsed;
    private final Boolean canRollBack;
    private final boolean failOnCritical;
    private final boolean unstableOnWarnings;
    private final String baselineFile;
    private final HashMap<String, String> deliveryFacts;

    /**
     * @param deliveryFacts {@code strategy}, {@code steps}, {@code service} of the run's last deployment (for the
     *     progressive-delivery checks), empty when the run deployed nothing
     */
    ChecklistEvaluation(
            ChecklistSettings settings,
            List<String> stages,
            List<String> credentialsUsed,
            Boolean canRollBack,
            Map<String, String> deliveryFacts) {
        this.configFile = settings.config();
        this.baselineFile = settings.baseline();
        this.deliveryFacts = new HashMap<>(deliveryFacts);
        this.categories = new ArrayList<>(settings.checklists());
        this.stages = new ArrayList<>(stages);
        this.credentialsUsed = new ArrayList<>(credentialsUsed);
        this.canRollBack = canRollBack;
        this.failOnCritical = settings.failOnCritical();
        this.unstableOnWarnings = settings.unstableOnWarnings();
    }

    @Override
    public String invoke(File workspace, VirtualChannel channel) throws AbortException {
        try {
            return evaluate(workspace);
        } catch (ChecklistInputException | IllegalArgumentException e) {
            // a bad configuration file or checklist name: the message names the file, line or value to fix
            throw new AbortException("devopsChecklist: " + e.getMessage());
        }
    }

    private String evaluate(File workspace) {
        ChecklistConfig config = configFile.isEmpty()
                ? ChecklistConfig.defaults()
                : ChecklistConfig.fromYaml(workspace.toPath().resolve(configFile));
        // FAILURE only for a policy someone asked for: failOn 'critical' (step or system setting) or the file's
        // failOnCriticalFailure: true; otherwise a failed critical item makes the report UNSTABLE.
        Policy policy = new Policy(
                failOnCritical || config.policy().failOnCriticalFailure(),
                config.policy().minimumScore(),
                unstableOnWarnings);
        config = config.withPolicy(policy);
        Facts facts = new Facts(stages, null, canRollBack, null, credentialsUsed, deliveryFacts);
        ChecklistRequest request = new ChecklistRequest(workspace.toPath(), config, facts);
        if (!baselineFile.isEmpty()) {
            request = request.withBaseline(BaselineFile.read(workspace.toPath().resolve(baselineFile)));
        }
        ChecklistReport report = new ChecklistEngine().evaluate(request);
        return JsonReportWriter.write(only(report, policy));
    }

    /** The report restricted to the requested checklists, with score and policy over those only. */
    private ChecklistReport only(ChecklistReport report, Policy policy) {
        if (categories.isEmpty()) {
            return report;
        }
        Set<Category> wanted = categories.stream().map(Category::parse).collect(Collectors.toSet());
        List<ChecklistResult> kept = report.checklists().stream()
                .filter(c -> wanted.contains(c.category()))
                .toList();
        List<ItemResult> items = kept.stream().flatMap(c -> c.items().stream()).toList();
        double score = ChecklistReport.weightedScore(items);
        Set<String> ids = items.stream().map(ItemResult::id).collect(Collectors.toSet());
        List<Waiver> waivers =
                report.waivers().stream().filter(w -> ids.contains(w.item())).toList();
        return new ChecklistReport(
                report.workspace(),
                kept,
                score,
                Waivers.evaluate(policy, kept, score, waivers),
                report.secretScan(),
                waivers);
    }
}
