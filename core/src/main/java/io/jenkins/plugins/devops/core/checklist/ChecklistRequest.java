package io.jenkins.plugins.devops.core.checklist;

import io.jenkins.plugins.devops.core.checklist.baseline.Baseline;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * What to evaluate.
 *
 * @param workspace the directory holding the sources and the reports the pipeline produced
 * @param config items, policy, secret scan and report locations
 * @param facts what the caller knows about the run
 * @param progress receives progress lines ("checklist: secret scan 15224 files"), may be a no-op
 * @param baseline findings accepted earlier (only new ones count for the policy), or null
 */
public record ChecklistRequest(
        Path workspace, ChecklistConfig config, Facts facts, Consumer<String> progress, Baseline baseline) {
    public ChecklistRequest {
        Objects.requireNonNull(workspace, "workspace");
        config = config == null ? ChecklistConfig.defaults() : config;
        facts = facts == null ? Facts.none() : facts;
        progress = progress == null ? message -> {} : progress;
    }

    public ChecklistRequest(Path workspace, ChecklistConfig config, Facts facts, Consumer<String> progress) {
        this(workspace, config, facts, progress, null);
    }

    public ChecklistRequest(Path workspace, ChecklistConfig config, Facts facts) {
        this(workspace, config, facts, null, null);
    }

    public ChecklistRequest withBaseline(Baseline newBaseline) {
        return new ChecklistRequest(workspace, config, facts, progress, newBaseline);
    }
}
