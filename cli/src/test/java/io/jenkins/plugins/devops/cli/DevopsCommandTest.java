package io.jenkins.plugins.devops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DevopsCommandTest {

    @Test
    void helpListsTheCommandsAndExitCodesAndExitsZero() {
        CliResult result = CliResult.inProcess("--help");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out())
                .contains("Usage: devops")
                .contains("DORA")
                .contains(String.join(
                        System.lineSeparator(),
                        "Exit codes:",
                        "  0  done",
                        "  1  the work failed: deployment or policy failed, cluster or sink unreachable",
                        "  2  usage or input error: nothing was done"));
        assertThat(result.err()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"plan", "deploy", "rollback", "demo"})
    void everyCommandHasHelpWithItsExitCodes(String command) {
        CliResult result = CliResult.inProcess(command, "--help");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).startsWith("Usage: devops " + command).contains("Exit codes: 0 ");
    }

    @ParameterizedTest
    @ValueSource(strings = {"plan", "deploy", "rollback", "checklist", "dora", "events", "demo"})
    void everyCommandHasVersion(String command) {
        CliResult result = CliResult.inProcess(command, "--version");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).startsWith("devops 0.1.0-SNAPSHOT");
    }

    @Test
    void versionPrintsTheProjectVersionFromTheBuild() {
        CliResult result = CliResult.inProcess("--version");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).startsWith("devops 0.1.0-SNAPSHOT" + System.lineSeparator());
    }

    @Test
    void unknownOptionIsAOneLineUsageErrorWithExitCodeTwo() {
        CliResult result = CliResult.inProcess("--no-such-option");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err())
                .isEqualTo("devops: Unknown option: '--no-such-option' (see 'devops --help')" + System.lineSeparator());
        assertThat(result.out()).isEmpty();
    }

    @Test
    void unknownCommandIsAOneLineUsageError() {
        CliResult result = CliResult.inProcess("deplyo");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err().lines()).hasSize(1);
        assertThat(result.err()).startsWith("devops: Unmatched argument at index 0: 'deplyo'");
    }

    @Test
    void aRunOfOneCommandBuildsOnlyThatCommandAndItsHelpIsTheSameAsInTheFullTree() {
        picocli.CommandLine full = DevopsCommand.commandLine();
        assertThat(full.getSubcommands().keySet())
                .containsExactly(
                        "help", "plan", "deploy", "rollback", "resume", "abort", "checklist", "dora", "events", "demo");
        for (String name : full.getSubcommands().keySet()) {
            picocli.CommandLine lazy = DevopsCommand.commandLine(name, "--help");
            if (name.equals("help")) {
                assertThat(lazy.getSubcommands()).hasSameSizeAs(full.getSubcommands());
                continue;
            }
            assertThat(lazy.getSubcommands().keySet()).as(name).containsExactly(name);
            assertSameUsage(
                    full.getSubcommands().get(name), lazy.getSubcommands().get(name));
        }
    }

    private static void assertSameUsage(picocli.CommandLine expected, picocli.CommandLine actual) {
        assertThat(actual.getUsageMessage()).isEqualTo(expected.getUsageMessage());
        assertThat(actual.getCommandSpec().version())
                .isEqualTo(expected.getCommandSpec().version());
        assertThat(actual.getSubcommands().keySet())
                .isEqualTo(expected.getSubcommands().keySet());
        for (String name : expected.getSubcommands().keySet()) {
            assertSameUsage(
                    expected.getSubcommands().get(name), actual.getSubcommands().get(name));
        }
    }

    @Test
    void helpForACommandStillFindsIt() {
        CliResult result = CliResult.inProcess("help", "dora");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).startsWith("Usage: devops dora");
    }
}
