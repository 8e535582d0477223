package io.jenkins.plugins.devops.core.context;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkspaceContextValidatorTest {

    /** The repository root, seen from the core module where Maven runs this test. */
    private static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();

    @TempDir
    Path workspace;

    @Test
    void thisRepositorysOwnContextIsValid() {
        assertThat(REPOSITORY.resolve("ai-state/active/devops/pipelines.json")).exists();
        assertThat(REPOSITORY.resolve("ai-state/active/devops/tasks")).isNotEmptyDirectory();

        assertThat(WorkspaceContextValidator.validate(REPOSITORY)).isEmpty();
    }

    @Test
    void reportsEachProblemWithItsFileAndPath() throws IOException {
        Path directory = copyOfThisRepositorysContext();
        Files.writeString(
                directory.resolve("pipelines.json"),
                Files.readString(directory.resolve("pipelines.json")).replace("\"SUCCESS\"", "\"GREEN\""));
        Files.writeString(
                directory.resolve("monitoring.json"),
                Files.readString(directory.resolve("monitoring.json"))
                        .replace("http://prometheus.monitoring.svc:9090", "http://user:pw@prometheus:9090"));
        Files.delete(directory.resolve("infrastructure.json"));

        assertThat(WorkspaceContextValidator.validate(workspace))
                .anySatisfy(
                        p -> assertThat(p)
                                .startsWith(
                                        "pipelines.json: /pipelines/1/stages/0/status: does not have a value in the enumeration"))
                .anySatisfy(p -> assertThat(p)
                        .startsWith("monitoring.json: /services/0/prometheusUrl: does not match the regex pattern"))
                .contains("infrastructure.json: missing");
    }

    @Test
    void taskWhoseFileNameDiffersFromItsIdIsReported() throws IOException {
        Path directory = copyOfThisRepositorysContext();
        Files.move(directory.resolve("tasks/local-.ci-run-1.json"), directory.resolve("tasks/renamed.json"));

        assertThat(WorkspaceContextValidator.validate(workspace))
                .containsExactly("tasks/renamed.json: file name should be local-.ci-run-1.json (its taskId)");
    }

    @Test
    void datesMustBeRealDateTimes() throws IOException {
        Path directory = copyOfThisRepositorysContext();
        Path task = directory.resolve("tasks/local-.ci-run-1.json");
        Files.writeString(task, Files.readString(task).replace("2026-11-23T23:20:00Z", "yesterday"));

        assertThat(WorkspaceContextValidator.validate(workspace))
                .singleElement()
                .satisfies(p -> assertThat(p)
                        .startsWith("tasks/local-.ci-run-1.json: /startedAt: does not match the date-time pattern"));
    }

    private Path copyOfThisRepositorysContext() throws IOException {
        Path source = REPOSITORY.resolve("ai-state/active/devops");
        Path target = workspace.resolve("ai-state/active/devops");
        Files.createDirectories(target.resolve("tasks"));
        for (String name : new String[] {"pipelines.json", "infrastructure.json", "monitoring.json"}) {
            Files.copy(source.resolve(name), target.resolve(name));
        }
        Files.copy(source.resolve("tasks/local-.ci-run-1.json"), target.resolve("tasks/local-.ci-run-1.json"));
        return target;
    }
}
