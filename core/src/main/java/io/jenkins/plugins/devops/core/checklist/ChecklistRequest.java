package io.jenkins.plugins.devops.core.checklist;

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
 */
public record ChecklistRequest(Path workspace, ChecklistConfig config, Facts facts, Consumer<String> progress) {
    public ChecklistRequest {
        Objects.requireNonNull(workspace, "workspace");
        config = config == null ? ChecklistConfig.defaults() : config;
        facts = facts == null ? Facts.none() : facts;
        progress = progress == null ? message -> {} : progress;
    }

    public ChecklistRequest(Path workspace, ChecklistConfig config, Facts facts) {
        this(workspace, config, facts, null);
    }
}
