package io.jenkins.plugins.devops.core.context;

import java.time.Instant;
import java.util.Objects;

/**
 * One DevOps Orchestrator step that ran in a build.
 *
 * @param step {@code devopsDeploy}, {@code devopsRollback}, {@code devopsChecklist}, {@code devopsDora} or a CLI
 *     command
 * @param status a Jenkins result name or {@code IN_PROGRESS}
 * @param startedAt when it started
 * @param finishedAt when it finished, or {@code null} while it runs
 * @param summary one line for people, e.g. {@code canary 10,50,100 promoted 1.4.2}, or {@code null}
 * @param deploymentId the deployment it made, or {@code null}
 */
public record StepRun(
        String step, String status, Instant startedAt, Instant finishedAt, String summary, String deploymentId) {
    public StepRun {
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(startedAt, "startedAt");
    }
}
