package io.jenkins.plugins.devops.cli;

import picocli.CommandLine.Option;

/** The {@code --format text|json} option, shared by every command that prints a result. */
final class FormatOption {
    @Option(
            names = "--format",
            defaultValue = "text",
            paramLabel = "text|json",
            description = "Output: text for people (default) or json for machines.")
    OutputFormat format = OutputFormat.text;

    boolean json() {
        return format == OutputFormat.json;
    }
}
