package io.jenkins.plugins.devops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The command line as a separate JVM: real exit codes from {@code System.exit}, real stdout and stderr. */
class DevopsProcessTest {
    private static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();

    @Test
    void versionExitsZeroAndPrintsTheVersion() throws Exception {
        CliResult result = CliProcess.run(REPOSITORY, "--version");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).startsWith("devops 0.1.0-SNAPSHOT");
    }

    @Test
    void badOptionExitsTwoWithOneLineOnStderr() throws Exception {
        CliResult result = CliProcess.run(REPOSITORY, "--bogus");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertThat(result.err()).isEqualTo("devops: Unknown option: '--bogus' (see 'devops --help')\n");
        assertThat(result.out()).isEmpty();
    }
}
