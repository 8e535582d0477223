package io.jenkins.plugins.devops.core.checklist;

import io.jenkins.plugins.devops.core.checklist.files.Glob;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A team's own checklist item with a simple evidence rule.
 *
 * <p>Example: {@code new CustomItem("custom.codeowners", "CODEOWNERS present", Category.SECURITY, Severity.MEDIUM,
 * "Add a CODEOWNERS file", new CustomItem.FileExists(Glob.of("{CODEOWNERS,.github/CODEOWNERS}")))}.
 *
 * @param id unique id, must not clash with a built-in id
 * @param title human title
 * @param category checklist it belongs to
 * @param severity its risk
 * @param remediation what to do when it fails
 * @param rule the evidence rule
 */
public record CustomItem(String id, String title, Category category, Severity severity, String remediation, Rule rule) {
    public CustomItem {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(rule, "rule");
        title = title == null ? id : title;
        remediation =
                remediation == null ? "Provide the evidence this item looks for: " + rule.describe() : remediation;
    }

    /** An evidence rule. */
    public sealed interface Rule permits FileExists, RegexInFiles, ValueAtPath {
        /** One line for reports and docs. */
        String describe();
    }

    /** PASS when at least one file matches the glob. */
    public record FileExists(Glob files) implements Rule {
        @Override
        public String describe() {
            return "a file matching " + files + " exists";
        }
    }

    /**
     * PASS when the regex matches in a file of the glob ({@code expectMatch}), or when it matches in none
     * ({@code !expectMatch}, e.g. "no TODO in production code").
     */
    public record RegexInFiles(Glob files, Pattern regex, boolean expectMatch) implements Rule {
        @Override
        public String describe() {
            return "/" + regex + "/ " + (expectMatch ? "matches" : "matches nowhere") + " in files " + files;
        }
    }

    /**
     * PASS when a JSON or YAML file of the glob has a value at the dotted path ({@code spec.replicas},
     * {@code scripts.test}) — equal to {@code equals} when that is not null.
     */
    public record ValueAtPath(Glob files, String path, String equals) implements Rule {
        @Override
        public String describe() {
            return path + (equals == null ? " has a value" : " equals '" + equals + "'") + " in " + files;
        }
    }
}
