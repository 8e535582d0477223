package io.jenkins.plugins.devops.core.checklist.secrets;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One secret-detection rule: a regular expression matched line by line.
 *
 * @param id stable identifier used in findings and SARIF ({@code aws-access-key-id}, {@code rules.txt:3})
 * @param description what the rule finds, for reports
 * @param pattern the compiled expression
 */
public record SecretRule(String id, String description, Pattern pattern) {
    public SecretRule {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(pattern, "pattern");
        description = description == null ? id : description;
    }

    /** A rule from its expression; throws {@link IllegalArgumentException} when the expression is invalid. */
    public static SecretRule of(String id, String description, String regex) {
        return new SecretRule(id, description, Pattern.compile(regex));
    }
}
