package io.jenkins.plugins.devops.core.context;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/** The JSON shapes of the four context files, as Jackson reads and writes them. */
final class ContextDocuments {
    static final int SCHEMA_VERSION = 1;

    private ContextDocuments() {}

    record Pipelines(int schemaVersion, Instant updatedAt, List<Pipeline> pipelines) {
        Pipelines {
            pipelines = pipelines == null ? List.of() : List.copyOf(pipelines);
        }
    }

    record Pipeline(String name, String definition, Integer lastBuild, String lastResult, List<PipelineStage> stages) {
        Pipeline {
            stages = stages == null ? List.of() : List.copyOf(stages);
        }
    }

    record Infrastructure(
            int schemaVersion,
            Instant updatedAt,
            List<DeploymentTarget> services,
            @JsonInclude(JsonInclude.Include.NON_EMPTY) List<BuildPlatform> buildPlatforms) {
        Infrastructure {
            services = services == null ? List.of() : List.copyOf(services);
            buildPlatforms = buildPlatforms == null ? List.of() : List.copyOf(buildPlatforms);
        }
    }

    record BuildPlatform(String platform, int jdk) {}

    record Monitoring(int schemaVersion, Instant updatedAt, List<ServiceMonitoring> services, DoraTargets dora) {
        Monitoring {
            services = services == null ? List.of() : List.copyOf(services);
        }
    }

    record Task(
            int schemaVersion,
            String taskId,
            String job,
            int build,
            Instant startedAt,
            Instant updatedAt,
            TaskEnvironment environment,
            List<StepRun> steps,
            List<PipelineStage> stages,
            DeploymentTarget infrastructure,
            ServiceMonitoring monitoring,
            List<StandardScore> standards) {
        Task {
            steps = steps == null ? List.of() : List.copyOf(steps);
            stages = stages == null ? List.of() : List.copyOf(stages);
            standards = standards == null ? List.of() : List.copyOf(standards);
        }
    }
}
