package io.jenkins.plugins.devops.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code devops} as a separate process, {@code java -jar devops.jar ...} with the shaded jar the build made, the
 * way a user or a CI job does, so real {@code System.exit} codes, signals and streams are what the tests see.
 */
final class CliProcess {
    /** Generous: the machine is shared, and a JVM start can take seconds under load. */
    private static final long TIMEOUT_SECONDS = 180;

    private final Process process;
    private final Path out;
    private final Path err;
    private final String description;

    private CliProcess(Process process, Path out, Path err, String description) {
        this.process = process;
        this.out = out;
        this.err = err;
        this.description = description;
    }

    /** Runs the command to its end. */
    static CliResult run(Path workingDirectory, String... args) throws IOException, InterruptedException {
        return start(workingDirectory, args).finish();
    }

    /** Starts the command; {@link #finish()} waits for it. */
    static CliProcess start(Path workingDirectory, String... args) throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        command.add("-jar");
        command.add(jar().toString());
        command.addAll(List.of(args));
        return start(new ProcessBuilder(command), workingDirectory, args);
    }

    /**
     * Runs the command through the {@code cli/devops} launcher script, with this build's jar and the Java running
     * the tests, adding {@code javaOptions} as the user's {@code JAVA_OPTS}.
     */
    static CliResult runLauncher(Path workingDirectory, String javaOptions, String... args)
            throws IOException, InterruptedException {
        return runLauncher(workingDirectory, jar(), javaOptions, args);
    }

    /** The same with another copy of the jar (and whatever archives lie next to it). */
    static CliResult runLauncher(Path workingDirectory, Path jar, String javaOptions, String... args)
            throws IOException, InterruptedException {
        Path launcher = jar().toAbsolutePath().getParent().getParent().resolve("devops");
        List<String> command = new ArrayList<>(List.of("sh", launcher.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("DEVOPS_JAR", jar.toAbsolutePath().toString());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().put("JAVA_OPTS", javaOptions);
        return start(builder, workingDirectory, args).finish();
    }

    private static CliProcess start(ProcessBuilder builder, Path workingDirectory, String... args) throws IOException {
        Path out = Files.createTempFile("devops-out", ".txt");
        Path err = Files.createTempFile("devops-err", ".txt");
        Process process = builder.directory(workingDirectory.toFile())
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .start();
        return new CliProcess(process, out, err, "devops " + String.join(" ", args));
    }

    /** Sends SIGTERM, as a CI runner cancelling the job does (shutdown hooks run, like Ctrl-C). */
    void terminate() {
        process.destroy();
    }

    /** Sends SIGKILL, as {@code kill -9} or a lost machine does: no shutdown hook, no rollback, the lease left. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }

    /** What the command printed on stdout so far. */
    String outSoFar() throws IOException {
        return Files.readString(out, StandardCharsets.UTF_8);
    }

    CliResult finish() throws IOException, InterruptedException {
        try {
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(description + " did not finish in " + TIMEOUT_SECONDS + " s");
            }
            return new CliResult(
                    process.exitValue(),
                    Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    /**
     * The shaded jar of this build: failsafe passes its path (see cli/pom.xml) after {@code package} wrote it, so
     * these tests run in {@code integration-test}, never against a jar left over from an earlier build.
     */
    static Path jar() {
        String path = System.getProperty("devops.jar");
        if (path == null || !Files.isRegularFile(Path.of(path))) {
            throw new IllegalStateException("system property devops.jar (" + path + ") does not name the built"
                    + " jar: run these tests with 'mvn verify', which packages the jar first");
        }
        return Path.of(path);
    }
}
