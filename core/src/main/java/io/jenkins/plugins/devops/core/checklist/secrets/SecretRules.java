package io.jenkins.plugins.devops.core.checklist.secrets;

import io.jenkins.plugins.devops.core.checklist.ChecklistInputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.PatternSyntaxException;

/** The built-in rule set and rule files with one expression per line. */
public final class SecretRules {
    private SecretRules() {}

    /**
     * The built-in rules: cloud, source-control, chat, payment and AI platform tokens, private keys, JWTs, credentials
     * in URLs and curl commands, and generic password/secret/token assignments (docs/checklists.md lists them).
     */
    public static List<SecretRule> builtIn() {
        return BUILT_IN;
    }

    /**
     * The built-in rules as a list that compiles its ~90 expressions on first use: a scan with a rule file of its own
     * (the benchmark, {@code --rules FILE}) starts from the default options and never pays for them.
     */
    private static final List<SecretRule> BUILT_IN = new LazyRules();

    private static final class LazyRules extends java.util.AbstractList<SecretRule> implements java.util.RandomAccess {
        private volatile List<SecretRule> rules;

        private List<SecretRule> rules() {
            List<SecretRule> compiled = rules;
            if (compiled == null) {
                synchronized (this) {
                    if (rules == null) {
                        rules = BuiltInSecretRules.rules();
                    }
                    compiled = rules;
                }
            }
            return compiled;
        }

        @Override
        public SecretRule get(int index) {
            return rules().get(index);
        }

        @Override
        public int size() {
            return rules().size();
        }

        @Override
        public boolean isEmpty() {
            return false;
        }
    }

    /** Whether the list is the built-in rules (still uncompiled, possibly). */
    static boolean isBuiltIn(List<SecretRule> rules) {
        return rules == BUILT_IN;
    }

    /**
     * Reads a rule file: one regular expression per line (the syntax both Java and ripgrep accept), blank lines and
     * lines starting with {@code #} skipped. Rule ids are {@code <file name>:<line>}.
     *
     * @throws ChecklistInputException naming the file and line of an invalid expression, or an unreadable file
     */
    public static List<SecretRule> fromFile(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ChecklistInputException(
                    file + ": cannot read the secret rule file (" + e.getMessage() + "); check the path");
        }
        List<SecretRule> rules = new ArrayList<>();
        String name = file.getFileName().toString();
        for (int i = 0; i < lines.size(); i++) {
            String regex = lines.get(i);
            if (regex.isBlank() || regex.startsWith("#")) {
                continue;
            }
            try {
                rules.add(SecretRule.of(name + ":" + (i + 1), "Rule from " + name + " line " + (i + 1), regex));
            } catch (PatternSyntaxException e) {
                throw new ChecklistInputException(file + " line " + (i + 1) + ": invalid regular expression ("
                        + e.getDescription() + " near index " + e.getIndex() + "); fix or remove the line");
            }
        }
        if (rules.isEmpty()) {
            throw new ChecklistInputException(file + ": no rules found; put one regular expression per line");
        }
        return List.copyOf(rules);
    }
}
