package io.jenkins.plugins.devops.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code devops} command: the DevOps Orchestrator engine outside Jenkins. */
@Command(
        name = "devops",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Plan, deploy and roll back services on Kubernetes, evaluate DevOps checklists, compute DORA"
                + " metrics and test event sinks.",
        subcommands = {CommandLine.HelpCommand.class, ChecklistCommand.class})
public final class DevopsCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the command line and returns the exit code, without exiting (for tests and embedding). */
    public static int execute(String... args) {
        return new CommandLine(new DevopsCommand()).execute(args);
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
