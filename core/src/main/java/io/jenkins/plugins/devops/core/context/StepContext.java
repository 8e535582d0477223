package io.jenkins.plugins.devops.core.context;

import java.util.List;
import java.util.Objects;

/**
 * What a step knows when it finishes: the input of {@link WorkspaceContextWriter#write(StepContext)}. Only the job,
 * build and step are required; everything else is written when present.
 *
 * <pre>{@code
 * StepContext context = StepContext.builder("shop/checkout/main", 42)
 *         .step(new StepRun("devopsDeploy", "SUCCESS", started, finished, "canary promoted 1.4.2", deploymentId))
 *         .environment(new TaskEnvironment("staging", "shop", false))
 *         .stages(List.of(new PipelineStage("Build", "SUCCESS", 81_000L)))
 *         .infrastructure(target)
 *         .build();
 * }</pre>
 *
 * @param job the Jenkins job full name
 * @param build the build number
 * @param definition where the pipeline is defined (e.g. {@code Jenkinsfile}), or {@code null}
 * @param buildResult the build's result so far, or {@code null} for {@code IN_PROGRESS}
 * @param step the step that just ran
 * @param environment the environment it worked on, or {@code null}
 * @param stages the build's stages so far
 * @param infrastructure where the service now runs, or {@code null}
 * @param monitoring how the service is watched, or {@code null}
 * @param standards checklist scores the step produced
 * @param dora the DORA window and targets, or {@code null}
 */
public record StepContext(
        String job,
        int build,
        String definition,
        String buildResult,
        StepRun step,
        TaskEnvironment environment,
        List<PipelineStage> stages,
        DeploymentTarget infrastructure,
        ServiceMonitoring monitoring,
        List<StandardScore> standards,
        DoraTargets dora) {
    public StepContext {
        if (job == null || job.isBlank()) {
            throw new InvalidContextException("the job name is empty: pass the Jenkins job full name, e.g. team/app");
        }
        if (build < 1) {
            throw new InvalidContextException("build number " + build + " is not positive: pass the build's number");
        }
        Objects.requireNonNull(step, "step: pass the StepRun of the step that just ran");
        stages = stages == null ? List.of() : List.copyOf(stages);
        standards = standards == null ? List.of() : List.copyOf(standards);
    }

    /** The task id and file name stem: the job name with every character outside {@code [A-Za-z0-9._-]} as '-'. */
    public String taskId() {
        return job.replaceAll("[^A-Za-z0-9._-]", "-") + "-" + build;
    }

    public static Builder builder(String job, int build) {
        return new Builder(job, build);
    }

    /** Builds a {@link StepContext}; only {@link #step(StepRun)} is required besides job and build. */
    public static final class Builder {
        private final String job;
        private final int build;
        private String definition;
        private String buildResult;
        private StepRun step;
        private TaskEnvironment environment;
        private List<PipelineStage> stages = List.of();
        private DeploymentTarget infrastructure;
        private ServiceMonitoring monitoring;
        private List<StandardScore> standards = List.of();
        private DoraTargets dora;

        private Builder(String job, int build) {
            this.job = job;
            this.build = build;
        }

        public Builder definition(String definition) {
            this.definition = definition;
            return this;
        }

        public Builder buildResult(String buildResult) {
            this.buildResult = buildResult;
            return this;
        }

        public Builder step(StepRun step) {
            this.step = step;
            return this;
        }

        public Builder environment(TaskEnvironment environment) {
            this.environment = environment;
            return this;
        }

        public Builder stages(List<PipelineStage> stages) {
            this.stages = stages;
            return this;
        }

        public Builder infrastructure(DeploymentTarget infrastructure) {
            this.infrastructure = infrastructure;
            return this;
        }

        public Builder monitoring(ServiceMonitoring monitoring) {
            this.monitoring = monitoring;
            return this;
        }

        public Builder standards(List<StandardScore> standards) {
            this.standards = standards;
            return this;
        }

        public Builder dora(DoraTargets dora) {
            this.dora = dora;
            return this;
        }

        public StepContext build() {
            return new StepContext(
                    job,
                    build,
                    definition,
                    buildResult,
                    step,
                    environment,
                    stages,
                    infrastructure,
                    monitoring,
                    standards,
                    dora);
        }
    }
}
