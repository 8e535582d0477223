package io.jenkins.plugins.devops.core.checklist.files;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The {@code .gitignore} rules in force for one directory: its own file's rules after those of its parents, so the
 * last matching rule wins as in git. Immutable; {@link #with(Path, String)} returns the rules for a subdirectory.
 */
public final class IgnoreRules {
    /** No rules: nothing is ignored. */
    public static final IgnoreRules NONE = new IgnoreRules(List.of());

    private record Rule(String base, Pattern pattern, boolean negated, boolean directoryOnly, boolean anchored) {}

    private final List<Rule> rules;

    private IgnoreRules(List<Rule> rules) {
        this.rules = rules;
    }

    /**
     * Adds the rules of {@code directory/.gitignore} if there is one.
     *
     * @param directory the directory on disk
     * @param relativeDirectory its slash-separated path relative to the scan root ("" for the root)
     */
    public IgnoreRules with(Path directory, String relativeDirectory) {
        Path file = directory.resolve(".gitignore");
        if (!Files.isRegularFile(file)) {
            return this;
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            return this; // an unreadable .gitignore ignores nothing, as in git
        }
        return withLines(lines, relativeDirectory);
    }

    /** Adds rules given as {@code .gitignore} lines, relative to {@code relativeDirectory}. */
    public IgnoreRules withLines(List<String> lines, String relativeDirectory) {
        List<Rule> added = new ArrayList<>(rules);
        for (String raw : lines) {
            String line = stripTrailingSpaces(raw);
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            boolean negated = line.startsWith("!");
            if (negated) {
                line = line.substring(1);
            } else if (line.startsWith("\\!") || line.startsWith("\\#")) {
                line = line.substring(1);
            }
            boolean directoryOnly = line.endsWith("/");
            if (directoryOnly) {
                line = line.substring(0, line.length() - 1);
            }
            boolean anchored = line.contains("/");
            if (line.startsWith("/")) {
                line = line.substring(1);
            }
            if (line.isEmpty()) {
                continue;
            }
            try {
                Pattern pattern = Pattern.compile(Glob.toRegex(line, false));
                added.add(new Rule(relativeDirectory, pattern, negated, directoryOnly, anchored));
            } catch (IllegalArgumentException e) {
                // git ignores malformed patterns too
            }
        }
        return added.size() == rules.size() ? this : new IgnoreRules(List.copyOf(added));
    }

    private static String stripTrailingSpaces(String line) {
        int end = line.length();
        while (end > 0 && line.charAt(end - 1) == ' ' && (end < 2 || line.charAt(end - 2) != '\\')) {
            end--;
        }
        return line.substring(0, end);
    }

    /** Whether a file or directory at the slash-separated root-relative path is ignored. */
    public boolean isIgnored(String relativePath, boolean directory) {
        boolean ignored = false;
        for (Rule rule : rules) {
            if (rule.directoryOnly && !directory) {
                continue;
            }
            String path;
            if (rule.base.isEmpty()) {
                path = relativePath;
            } else if (relativePath.startsWith(rule.base + "/")) {
                path = relativePath.substring(rule.base.length() + 1);
            } else {
                continue;
            }
            String subject = rule.anchored ? path : path.substring(path.lastIndexOf('/') + 1);
            if (rule.pattern.matcher(subject).matches()) {
                ignored = !rule.negated;
            }
        }
        return ignored;
    }
}
