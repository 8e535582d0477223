package io.jenkins.plugins.devops.cli;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads a file named on the command line, failing with a message that says which flag to fix. */
final class InputFile {
    private InputFile() {}

    /**
     * @param file the path as given
     * @param what what the file is, e.g. {@code manifest file}
     * @param flag the flag that named it, e.g. {@code -f}
     */
    static String read(Path file, String what, String flag) {
        if (Files.isDirectory(file)) {
            throw new UsageException(what + " '" + file + "' is a directory; pass a file with " + flag);
        }
        if (!Files.exists(file)) {
            throw new UsageException(what + " '" + file + "' does not exist; pass an existing file with " + flag);
        }
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (MalformedInputException e) {
            throw new UsageException(what + " '" + file + "' is not UTF-8 text; pass a text file with " + flag);
        } catch (IOException e) {
            throw new UsageException(
                    what + " '" + file + "' cannot be read (" + e.getMessage() + "); check its " + "permissions");
        }
    }
}
