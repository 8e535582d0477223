package io.jenkins.plugins.devops.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code devops} command: the DevOps Orchestrator engine outside Jenkins.
 *
 * <p>Exit codes (see {@link ExitCodes}): 0 done, 1 the work failed (deployment rolled back, policy failed), 2 usage
 * or input error. Errors are one line on stderr that says what to do.
 */
@Command(
        name = "devops",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Plan, deploy and roll back services on Kubernetes, evaluate DevOps checklists, compute DORA"
                + " metrics and test event sinks.",
        footer = {"", "Exit codes: 0 done, 1 deployment or policy failed, 2 usage or input error."},
        subcommands = {
            CommandLine.HelpCommand.class,
            PlanCommand.class,
            DeployCommand.class,
            RollbackCommand.class,
            ChecklistCommand.class,
            DoraCommand.class,
            EventsCommand.class,
            DemoCommand.class
        })
public final class DevopsCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the command line and returns the exit code, without exiting (for tests and embedding). */
    public static int execute(String... args) {
        return commandLine().execute(args);
    }

    /** The configured command line: one-line errors, case-insensitive enum values, our exit codes. */
    public static CommandLine commandLine() {
        OneLineErrors errors = new OneLineErrors();
        return new CommandLine(new DevopsCommand())
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setParameterExceptionHandler(errors)
                .setExecutionExceptionHandler(errors);
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
