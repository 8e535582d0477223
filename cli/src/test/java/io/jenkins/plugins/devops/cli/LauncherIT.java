package io.jenkins.plugins.devops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The {@code cli/devops} launcher against the class-data-sharing archives the build made: each command gives
 * exactly what {@code java -jar devops.jar} gives, and with {@code -Xshare:on} (the JVM refuses to start when the
 * archive cannot be used, e.g. made from another jar) the archive of that command is proven usable.
 */
class LauncherIT {
    private static final Path REPOSITORY = Samples.REPOSITORY;

    @TempDir
    static Path temp;

    static Stream<List<String>> commands() {
        return Stream.of(
                List.of("dora", "--import", "docs/examples/deployments.csv", "--at", "latest", "--window", "14d"),
                List.of("dora", "--import", "docs/examples/deployments.csv", "--at", "latest", "--format", "json"),
                List.of("checklist", "docs/examples", "--format", "json"),
                List.of("checklist", "docs/examples", "--secrets-only"),
                List.of(Samples.canaryPlan("docs/examples/k8s/checkout.yaml")),
                List.of("--version"),
                List.of("dora", "--help"));
    }

    @ParameterizedTest
    @MethodSource("commands")
    void theLauncherWithItsArchiveGivesWhatTheJarGives(List<String> command) throws Exception {
        String[] args = command.toArray(String[]::new);
        CliResult plain = CliProcess.run(REPOSITORY, args);
        CliResult launched = CliProcess.runLauncher(REPOSITORY, archiveRequired(command), args);

        assertThat(launched.exitCode()).as(launched.toString()).isEqualTo(plain.exitCode());
        assertThat(launched.err()).as(launched.toString()).isEqualTo(plain.err());
        assertThat(withoutTimings(launched.out())).isEqualTo(withoutTimings(plain.out()));
    }

    @Test
    void anArchiveOlderThanItsJarIsLeftAlone() throws Exception {
        // A rebuilt jar next to the archive of the previous build: the JVM would refuse that archive (-Xshare:on
        // makes the refusal an error), so the launcher must not pass it and the JDK's own archive is used instead.
        Path archive = Files.copy(CliProcess.jar().resolveSibling("devops-dora.jsa"), temp.resolve("devops-dora.jsa"));
        Path jar = Files.copy(CliProcess.jar(), temp.resolve("devops.jar"));
        assertThat(jar.toFile().setLastModified(archive.toFile().lastModified() + 60_000))
                .isTrue();

        CliResult result = CliProcess.runLauncher(
                REPOSITORY, jar, "-Xshare:on", "dora", "--import", "docs/examples/deployments.csv", "--at", "latest");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).contains("checkout/production");
    }

    /** A command with an archive of its own runs with {@code -Xshare:on}, so an unusable archive fails the test. */
    private static String archiveRequired(List<String> command) {
        boolean archived =
                !command.isEmpty() && List.of("dora", "checklist", "plan").contains(command.get(0));
        if (archived) {
            assertThat(CliProcess.jar().resolveSibling("devops-" + command.get(0) + ".jsa"))
                    .as("the build makes this archive (skipped only with -DskipCds)")
                    .isRegularFile();
        }
        return archived ? "-Xshare:on" : "";
    }

    private static String withoutTimings(String out) {
        return out.replaceAll("\\d+ ms", "N ms").replaceAll("\"durationMillis\" *: *\\d+", "\"durationMillis\": N");
    }
}
