package io.jenkins.plugins.devops.cli;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code devops} as a separate process, {@code java -cp <built classes and dependencies> DevopsCommand ...},
 * the way a user or a CI job does, so real {@code System.exit} codes and streams are what the tests see.
 */
final class CliProcess {
    private CliProcess() {}

    static CliResult run(Path workingDirectory, String... args) throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        command.add("-cp");
        command.add(classpath());
        command.add(DevopsCommand.class.getName());
        command.addAll(List.of(args));
        Path out = Files.createTempFile("devops-out", ".txt");
        Path err = Files.createTempFile("devops-err", ".txt");
        try {
            Process process = new ProcessBuilder(command)
                    .directory(workingDirectory.toFile())
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile())
                    .start();
            // Generous: the machine is shared, and a JVM start can take seconds under load.
            if (!process.waitFor(180, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("devops " + String.join(" ", args) + " did not finish in 180 s");
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

    /** The test JVM's class path: cli's classes and every runtime dependency (Surefire sets it to the real path). */
    private static String classpath() {
        String classpath = System.getProperty("java.class.path");
        if (!classpath.contains("classes")) {
            throw new IllegalStateException("java.class.path does not list the built classes: " + classpath);
        }
        return classpath.replace(File.pathSeparator + File.pathSeparator, File.pathSeparator);
    }
}
