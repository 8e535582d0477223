package io.jenkins.plugins.devops.core.context;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.devops.core.context.ContextDocuments.Infrastructure;
import io.jenkins.plugins.devops.core.context.ContextDocuments.Monitoring;
import io.jenkins.plugins.devops.core.context.ContextDocuments.Pipeline;
import io.jenkins.plugins.devops.core.context.ContextDocuments.Pipelines;
import io.jenkins.plugins.devops.core.context.ContextDocuments.Task;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiPredicate;

/**
 * Writes {@code ai-state/active/devops/} in a workspace after each step: {@code pipelines.json}, {@code
 * infrastructure.json}, {@code monitoring.json} (one entry per pipeline / service and environment, the latest step
 * wins) and {@code tasks/<job>-<build>.json} (everything this build did). Every file is validated against its schema
 * before anything is written, and each is replaced atomically.
 *
 * <pre>{@code
 * Path task = new WorkspaceContextWriter(workspace).write(StepContext.builder("shop/checkout/main", 42)
 *         .step(new StepRun("devopsChecklist", "SUCCESS", started, Instant.now(), "score 8.7", null))
 *         .build());
 * }</pre>
 *
 * <p>Existing files that are unreadable or invalid are replaced rather than fixed: they are derived data, and a
 * broken file must not fail the build that would repair it.
 */
public final class WorkspaceContextWriter {
    private static final Map<Path, Object> LOCKS = new ConcurrentHashMap<>();

    private final Path directory;
    private final Clock clock;

    /** A writer for the workspace at {@code workspace} (the directory that holds the Jenkinsfile). */
    public WorkspaceContextWriter(Path workspace) {
        this(workspace, Clock.systemUTC());
    }

    public WorkspaceContextWriter(Path workspace, Clock clock) {
        this.directory = workspace.toAbsolutePath().normalize().resolve(ContextFile.DIRECTORY);
        this.clock = clock;
    }

    /** The {@code ai-state/active/devops} directory this writer writes. */
    public Path directory() {
        return directory;
    }

    /**
     * Merges what the step knows into the context files.
     *
     * @return the task file written
     * @throws InvalidContextException when a value breaks a schema (nothing is written then)
     * @throws UncheckedIOException when a file cannot be written
     */
    public Path write(StepContext step) {
        // Parallel branches of one pipeline write the same workspace: serialise in this JVM and across processes.
        synchronized (LOCKS.computeIfAbsent(directory, d -> new Object())) {
            try {
                Files.createDirectories(directory.resolve("tasks"));
                try (FileChannel channel = FileChannel.open(
                                directory.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                        FileLock lock = channel.lock()) {
                    return writeLocked(step);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the workspace context in " + directory, e);
            }
        }
    }

    private Path writeLocked(StepContext step) throws IOException {
        Instant now = clock.instant();
        Path pipelinesFile = directory.resolve("pipelines.json");
        Path infrastructureFile = directory.resolve("infrastructure.json");
        Path monitoringFile = directory.resolve("monitoring.json");
        Path taskFile = directory.resolve("tasks").resolve(step.taskId() + ".json");

        Map<Path, JsonNode> documents = new LinkedHashMap<>();
        documents.put(
                pipelinesFile, json(pipelines(read(pipelinesFile, ContextFile.PIPELINES, Pipelines.class), step, now)));
        documents.put(
                infrastructureFile,
                json(infrastructure(
                        read(infrastructureFile, ContextFile.INFRASTRUCTURE, Infrastructure.class), step, now)));
        documents.put(
                monitoringFile,
                json(monitoring(read(monitoringFile, ContextFile.MONITORING, Monitoring.class), step, now)));
        documents.put(taskFile, json(task(read(taskFile, ContextFile.TASK, Task.class), step, now)));

        List<ContextFile> kinds =
                List.of(ContextFile.PIPELINES, ContextFile.INFRASTRUCTURE, ContextFile.MONITORING, ContextFile.TASK);
        int i = 0;
        for (Map.Entry<Path, JsonNode> document : documents.entrySet()) {
            List<String> problems = ContextSchemas.get().validate(kinds.get(i++), document.getValue());
            if (!problems.isEmpty()) {
                throw new InvalidContextException(document.getKey().getFileName() + " would not match its schema: "
                        + String.join("; ", problems) + " — correct the value passed to the step");
            }
        }
        for (Map.Entry<Path, JsonNode> document : documents.entrySet()) {
            replace(document.getKey(), document.getValue());
        }
        return taskFile;
    }

    private static Pipelines pipelines(Pipelines existing, StepContext step, Instant now) {
        Pipeline current = new Pipeline(
                step.job(),
                step.definition(),
                step.build(),
                step.buildResult() == null ? "IN_PROGRESS" : step.buildResult(),
                step.stages());
        List<Pipeline> pipelines =
                upsert(existing == null ? List.of() : existing.pipelines(), current, (a, b) -> a.name()
                        .equals(b.name()));
        return new Pipelines(ContextDocuments.SCHEMA_VERSION, now, pipelines);
    }

    private static Infrastructure infrastructure(Infrastructure existing, StepContext step, Instant now) {
        List<DeploymentTarget> services = existing == null ? List.of() : existing.services();
        if (step.infrastructure() != null) {
            services = upsert(services, step.infrastructure(), DeploymentTarget::sameTargetAs);
        }
        return new Infrastructure(
                ContextDocuments.SCHEMA_VERSION,
                now,
                services,
                existing == null ? List.of() : existing.buildPlatforms());
    }

    private static Monitoring monitoring(Monitoring existing, StepContext step, Instant now) {
        List<ServiceMonitoring> services = existing == null ? List.of() : existing.services();
        if (step.monitoring() != null) {
            services = upsert(services, step.monitoring(), ServiceMonitoring::sameTargetAs);
        }
        DoraTargets dora = step.dora() != null ? step.dora() : existing == null ? null : existing.dora();
        return new Monitoring(ContextDocuments.SCHEMA_VERSION, now, services, dora);
    }

    private static Task task(Task existing, StepContext step, Instant now) {
        StepRun run = step.step();
        if (existing == null) {
            return new Task(
                    ContextDocuments.SCHEMA_VERSION,
                    step.taskId(),
                    step.job(),
                    step.build(),
                    run.startedAt(),
                    now,
                    step.environment(),
                    List.of(run),
                    step.stages(),
                    step.infrastructure(),
                    step.monitoring(),
                    step.standards());
        }
        // A step may report twice (IN_PROGRESS, then its result): same name and start means same step.
        List<StepRun> steps = upsert(
                existing.steps(),
                run,
                (a, b) -> a.step().equals(b.step()) && a.startedAt().equals(b.startedAt()));
        List<StandardScore> standards = existing.standards();
        for (StandardScore score : step.standards()) {
            standards = upsert(standards, score, (a, b) -> a.checklist().equals(b.checklist()));
        }
        Instant startedAt = run.startedAt().isBefore(existing.startedAt()) ? run.startedAt() : existing.startedAt();
        return new Task(
                ContextDocuments.SCHEMA_VERSION,
                existing.taskId(),
                existing.job(),
                existing.build(),
                startedAt,
                now,
                step.environment() != null ? step.environment() : existing.environment(),
                steps,
                step.stages().isEmpty() ? existing.stages() : step.stages(),
                step.infrastructure() != null ? step.infrastructure() : existing.infrastructure(),
                step.monitoring() != null ? step.monitoring() : existing.monitoring(),
                standards);
    }

    private static <T> List<T> upsert(List<T> entries, T entry, BiPredicate<T, T> same) {
        List<T> result = new ArrayList<>(entries.size() + 1);
        boolean replaced = false;
        for (T existing : entries) {
            if (same.test(existing, entry)) {
                result.add(entry);
                replaced = true;
            } else {
                result.add(existing);
            }
        }
        if (!replaced) {
            result.add(entry);
        }
        return result;
    }

    private static <T> T read(Path file, ContextFile kind, Class<T> type) {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            JsonNode node = ContextJson.MAPPER.readTree(file.toFile());
            if (node == null || !ContextSchemas.get().validate(kind, node).isEmpty()) {
                return null;
            }
            return ContextJson.MAPPER.treeToValue(node, type);
        } catch (IOException e) {
            return null;
        }
    }

    private static JsonNode json(Object document) {
        return ContextJson.MAPPER.valueToTree(document);
    }

    private static void replace(Path file, JsonNode document) throws IOException {
        Path temporary = Files.createTempFile(file.getParent(), "." + file.getFileName(), ".tmp");
        try {
            Files.write(temporary, ContextJson.MAPPER.writeValueAsBytes(document));
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
