package io.jenkins.plugins.devops.core.context;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Checks a workspace's {@code ai-state/active/devops/} against the schemas: the three workspace files must exist and
 * every file in {@code tasks/} must be a valid task.
 *
 * <pre>{@code
 * List<String> problems = WorkspaceContextValidator.validate(Path.of("."));
 * }</pre>
 */
public final class WorkspaceContextValidator {
    private WorkspaceContextValidator() {}

    /**
     * @param workspace the workspace root (the directory holding {@code ai-state/})
     * @return one line per problem, each starting with the file's path relative to the context directory; empty when
     *     everything is valid
     */
    public static List<String> validate(Path workspace) {
        Path directory = workspace.resolve(ContextFile.DIRECTORY);
        List<String> problems = new ArrayList<>();
        check(directory, "pipelines.json", ContextFile.PIPELINES, problems);
        check(directory, "infrastructure.json", ContextFile.INFRASTRUCTURE, problems);
        check(directory, "monitoring.json", ContextFile.MONITORING, problems);
        Path tasks = directory.resolve("tasks");
        if (Files.isDirectory(tasks)) {
            try (Stream<Path> files = Files.list(tasks)) {
                files.filter(f -> f.getFileName().toString().endsWith(".json"))
                        .sorted()
                        .forEach(f -> check(directory, directory.relativize(f).toString(), ContextFile.TASK, problems));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return problems;
    }

    private static void check(Path directory, String name, ContextFile kind, List<String> problems) {
        Path file = directory.resolve(name);
        if (!Files.isRegularFile(file)) {
            problems.add(name + ": missing");
            return;
        }
        try {
            JsonNode node = ContextJson.MAPPER.readTree(file.toFile());
            ContextSchemas.get().validate(kind, node).forEach(p -> problems.add(name + ": " + p));
            if (kind == ContextFile.TASK && node.hasNonNull("taskId")) {
                String expected = node.get("taskId").asText() + ".json";
                if (!file.getFileName().toString().equals(expected)) {
                    problems.add(name + ": file name should be " + expected + " (its taskId)");
                }
            }
        } catch (JsonProcessingException e) {
            problems.add(name + ": not JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
