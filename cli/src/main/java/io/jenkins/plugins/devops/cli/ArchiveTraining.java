package io.jenkins.plugins.devops.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Runs several {@code devops} command lines in one JVM, so that the build can list every class they load ({@code java
 * -XX:DumpLoadedClassList=devops-dora.classlist -cp devops.jar ...ArchiveTraining dora ... \; dora ...}) and make a
 * class-data-sharing archive of them with {@code -Xshare:dump}; the {@code cli/devops} launcher maps that archive at
 * start-up. Not a user command: the build runs it on the repository's own examples (see the exec-maven-plugin
 * executions in {@code cli/pom.xml}).
 *
 * <p>Command lines are separated by a {@code ;} argument. Their output is discarded; a command that does not exit
 * with 0 or 1 (1 is a finding, e.g. a failed checklist) fails the build, because the archive would then lack the
 * classes of the work it was meant to cover.
 */
final class ArchiveTraining {
    private ArchiveTraining() {}

    public static void main(String[] args) {
        int failures = 0;
        for (List<String> command : commands(args)) {
            String[] line = command.toArray(String[]::new);
            StringWriter err = new StringWriter();
            picocli.CommandLine commandLine = DevopsCommand.commandLine(line);
            commandLine.setOut(new PrintWriter(new StringWriter()));
            commandLine.setErr(new PrintWriter(err, true));
            int exit = commandLine.execute(line);
            System.out.println("devops " + String.join(" ", line) + ": exit " + exit);
            if (exit != ExitCodes.OK && exit != ExitCodes.FAILED) {
                System.out.println(err);
                failures++;
            }
        }
        System.exit(failures == 0 ? 0 : 1);
    }

    static List<List<String>> commands(String... args) {
        List<List<String>> commands = new ArrayList<>();
        List<String> current = new ArrayList<>();
        for (String arg : Arrays.asList(args)) {
            if (arg.equals(";")) {
                commands.add(current);
                current = new ArrayList<>();
            } else {
                current.add(arg);
            }
        }
        commands.add(current);
        commands.removeIf(List::isEmpty);
        return commands;
    }
}
