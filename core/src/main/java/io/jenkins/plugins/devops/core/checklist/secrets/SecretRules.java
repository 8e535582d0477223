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

    /** Rules for the common token formats (cloud keys, VCS and chat tokens, private keys, JWTs, passwords). */
    public static List<SecretRule> builtIn() {
        return List.of(
                SecretRule.of("aws-access-key-id", "AWS access key ID", "\\b(?:AKIA|ASIA)[0-9A-Z]{16}\\b"),
                SecretRule.of(
                        "aws-secret-access-key",
                        "AWS secret access key assignment",
                        "(?i)aws_?secret_?access_?key[\"']?\\s*[:=]\\s*[\"']?[A-Za-z0-9/+]{40}\\b"),
                SecretRule.of("github-token", "GitHub token", "\\bgh[pousr]_[A-Za-z0-9]{36}\\b"),
                SecretRule.of("github-fine-grained-token", "GitHub fine-grained token", "github_pat_[A-Za-z0-9_]{82}"),
                SecretRule.of("gitlab-token", "GitLab personal access token", "glpat-[0-9A-Za-z_-]{20}"),
                SecretRule.of(
                        "private-key",
                        "Private key block",
                        "-----BEGIN (?:RSA |EC |DSA |OPENSSH |PGP |ENCRYPTED )?PRIVATE KEY( BLOCK)?-----"),
                SecretRule.of("slack-token", "Slack token", "xox[baprs]-[0-9A-Za-z-]{10,48}"),
                SecretRule.of(
                        "slack-webhook",
                        "Slack incoming webhook",
                        "https://hooks\\.slack\\.com/services/T[A-Z0-9]+/B[A-Z0-9]+/[A-Za-z0-9]{20,}"),
                SecretRule.of("google-api-key", "Google API key", "AIza[0-9A-Za-z_-]{35}"),
                SecretRule.of("stripe-live-key", "Stripe live secret key", "[rs]k_live_[0-9a-zA-Z]{24,}"),
                SecretRule.of("npm-token", "npm access token", "\\bnpm_[A-Za-z0-9]{36}\\b"),
                SecretRule.of(
                        "jwt",
                        "JSON Web Token",
                        "\\beyJ[A-Za-z0-9_-]{10,}\\.eyJ[A-Za-z0-9_-]{10,}\\.[A-Za-z0-9_-]{10,}"),
                SecretRule.of(
                        "generic-password",
                        "Password, secret or API key assigned a literal",
                        "(?i)(api[_-]?key|secret|token|passwd|password)[\"']?\\s*[:=]\\s*[\"'][A-Za-z0-9/+_=-]{16,}[\"']"),
                SecretRule.of(
                        "url-credentials",
                        "Credentials embedded in a URL",
                        "[a-z][a-z0-9+.-]*://[^/\\s:@\"']{3,}:[^/\\s:@\"'$]{6,}@[a-z0-9.-]+"));
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
