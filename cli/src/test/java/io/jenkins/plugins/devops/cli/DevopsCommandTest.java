package io.jenkins.plugins.devops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class DevopsCommandTest {

    @Test
    void helpListsTheCommandAndExitsZero() {
        StringWriter out = new StringWriter();
        CommandLine commandLine = new CommandLine(new DevopsCommand());
        commandLine.setOut(new PrintWriter(out));

        int exitCode = commandLine.execute("--help");

        assertThat(exitCode).isZero();
        assertThat(out.toString()).contains("Usage: devops").contains("DORA");
    }

    @Test
    void unknownOptionIsAUsageError() {
        StringWriter err = new StringWriter();
        CommandLine commandLine = new CommandLine(new DevopsCommand());
        commandLine.setErr(new PrintWriter(err));

        int exitCode = commandLine.execute("--no-such-option");

        assertThat(exitCode).isEqualTo(2);
        assertThat(err.toString()).contains("Unknown option: '--no-such-option'");
    }
}
