package io.jenkins.plugins.devops.cli;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
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
        })
public final class DevopsCommand implements Runnable {

    /**
     * The subcommands, in the order of the help text. Registered in code rather than in {@code @Command} so that a
     * run of one command builds only that command's model: picocli reflects over every option of every registered
     * command at start-up, which was a third of a short command's time (docs/benchmarks.md).
     */
    private static final Map<String, Supplier<Object>> SUBCOMMANDS = subcommands();

    private static Map<String, Supplier<Object>> subcommands() {
        Map<String, Supplier<Object>> commands = new LinkedHashMap<>();
        commands.put("help", CommandLine.HelpCommand::new);
        commands.put("plan", PlanCommand::new);
        commands.put("deploy", DeployCommand::new);
        commands.put("rollback", RollbackCommand::new);
        commands.put("resume", ResumeCommand::new);
        commands.put("abort", AbortCommand::new);
        commands.put("checklist", ChecklistCommand::new);
        commands.put("dora", DoraCommand::new);
        commands.put("events", EventsCommand::new);
        commands.put("demo", DemoCommand::new);
        return Collections.unmodifiableMap(commands);
    }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the command line and returns the exit code, without exiting (for tests and embedding). */
    public static int execute(String... args) {
        return commandLine(args).execute(args);
    }

    /** The configured command line with every subcommand: one-line errors, case-insensitive enums, our exit codes. */
    public static CommandLine commandLine() {
        return configured(SUBCOMMANDS.keySet());
    }

    /**
     * The command line for running {@code args}: when they start with the name of a subcommand other than
     * {@code help}, only that one is registered (everything it can print or parse is its own); otherwise, e.g. for
     * {@code devops --help}, {@code devops help dora} or a mistyped name that picocli should suggest a fix for,
     * all of them.
     */
    public static CommandLine commandLine(String... args) {
        if (args.length > 0 && !args[0].equals("help") && SUBCOMMANDS.containsKey(args[0])) {
            return configured(List.of(args[0]));
        }
        return commandLine();
    }

    private static CommandLine configured(Collection<String> names) {
        OneLineErrors errors = new OneLineErrors();
        CommandLine commandLine = new CommandLine(new DevopsCommand());
        for (String name : names) {
            commandLine.addSubcommand(name, SUBCOMMANDS.get(name).get());
        }
        commandLine
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
