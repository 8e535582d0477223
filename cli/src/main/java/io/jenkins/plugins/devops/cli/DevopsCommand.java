package io.jenkins.plugins.devops.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code devops} command: the DevOps Orchestrator engine outside Jenkins.
 *
 * <p>Exit codes (see {@link ExitCodes}): 0 done, 1 the work failed (deployment rolled back, policy failed, cluster or
 * sink unreachable), 2 usage or input error (nothing was done). Errors are one line on stderr that says what to do.
 */
@Command(
        name = "devops",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Plan, deploy and roll back services on Kubernetes, evaluate DevOps checklists, compute DORA"
                + " metrics and test event sinks.",
        footer = {
            "",
            "Exit codes:",
            "  0  done",
            "  1  the work failed: deployment or policy failed, cluster or sink unreachable",
            "  2  usage or input error: nothing was done"
        },
        subcommands = {
            CommandLine.HelpCommand.class,
            PlanCommand.class,
            DeployCommand.class,
            RollbackCommand.class,
            ResumeCommand.class,
            AbortCommand.class,
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
        CommandLine commandLine = new CommandLine(new DevopsCommand())
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setParameterExceptionHandler(errors)
                .setExecutionExceptionHandler(errors);
        giveEveryCommandTheVersion(commandLine);
        return commandLine;
    }

    /** So that {@code devops <any command> --version} answers, whoever wrote the command. */
    private static void giveEveryCommandTheVersion(CommandLine commandLine) {
        for (CommandLine sub : commandLine.getSubcommands().values()) {
            if (sub.getCommandSpec().versionProvider() == null
                    && sub.getCommandSpec().version().length == 0) {
                sub.getCommandSpec().versionProvider(new VersionProvider());
            }
            giveEveryCommandTheVersion(sub);
        }
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
