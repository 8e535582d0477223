package io.jenkins.plugins.devops.cli;

/** What a {@code devops} run left behind: its exit code and everything it printed. */
record CliResult(int exitCode, String out, String err) {

    /** Runs the command line in this JVM, capturing stdout and stderr. */
    static CliResult inProcess(String... args) {
        java.io.StringWriter out = new java.io.StringWriter();
        java.io.StringWriter err = new java.io.StringWriter();
        picocli.CommandLine commandLine = DevopsCommand.commandLine(args);
        commandLine.setOut(new java.io.PrintWriter(out, true));
        commandLine.setErr(new java.io.PrintWriter(err, true));
        int exitCode = commandLine.execute(args);
        return new CliResult(exitCode, out.toString(), err.toString());
    }

    @Override
    public String toString() {
        return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
}
