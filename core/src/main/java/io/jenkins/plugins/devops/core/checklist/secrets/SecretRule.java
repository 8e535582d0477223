package io.jenkins.plugins.devops.core.checklist.secrets;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One secret-detection rule: a regular expression matched at the prefilter's literal hits, and what must hold of
 * the matched secret for it to be reported.
 *
 * @param id stable identifier used in findings and SARIF ({@code aws-access-key-id}, {@code rules.txt:3})
 * @param description what the rule finds, for reports
 * @param pattern the compiled expression; when {@code keywords} are given every match starts with one of them
 * @param keywords literals for the prefilter (lower-case, matched case-insensitively); empty means "derive them from
 *     the expression's literal prefix"
 * @param secretGroup the capture group holding the secret; 0 is the whole match, {@link #FIRST_MATCHED_GROUP} the
 *     first group that took part in the match (for alternatives with a group each)
 * @param minEntropy the secret's Shannon entropy (bits per character) must be above this; 0 disables the check;
 *     {@link #HEX_AWARE_GENERIC_ENTROPY} means 3.5, or 3.0 for a hexadecimal value
 * @param allowSecrets a secret matching one of these ({@code find}) is a placeholder or a documented example
 * @param allowMatches a whole match matching one of these ({@code find}) is not a secret (e.g. {@code keyName: ...})
 * @param placeholders whether the built-in placeholder filters apply ({@link SecretPlaceholders}): variables,
 *     templates, repeated characters, {@code your-...}, {@code EXAMPLE}...
 * @param stopWords whether a secret containing a common word is dropped (generic assignment rules only)
 * @param multiline whether the match may continue on the following lines (XML elements, PEM blocks)
 * @param paths when set, the rule applies only to files whose slash-separated relative path it finds
 *     ({@code (?i)nuget\.config$})
 * @param fileContains when set, the rule applies only to files whose text it finds ({@code kind: Secret})
 */
public record SecretRule(
        String id,
        String description,
        Pattern pattern,
        List<String> keywords,
        int secretGroup,
        double minEntropy,
        List<Pattern> allowSecrets,
        List<Pattern> allowMatches,
        boolean placeholders,
        boolean stopWords,
        boolean multiline,
        Pattern paths,
        Pattern fileContains) {
    /** Entropy floor marker: 3.5 bits per character, 3.0 for values made only of hex digits and dashes. */
    public static final double HEX_AWARE_GENERIC_ENTROPY = -1;

    /** Secret group marker: the first capture group that matched. */
    public static final int FIRST_MATCHED_GROUP = -1;

    private static final Pattern HEX = Pattern.compile("[0-9a-fA-F-]+");

    /** Whether the secret is random enough for this rule. */
    boolean hasEntropy(String secret) {
        if (minEntropy == 0) {
            return true;
        }
        double floor =
                minEntropy == HEX_AWARE_GENERIC_ENTROPY ? (HEX.matcher(secret).matches() ? 3.0 : 3.5) : minEntropy;
        return ShannonEntropy.of(secret) > floor;
    }

    public SecretRule {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(pattern, "pattern");
        description = description == null ? id : description;
        keywords = List.copyOf(keywords);
        allowSecrets = List.copyOf(allowSecrets);
        allowMatches = List.copyOf(allowMatches);
        if (secretGroup < FIRST_MATCHED_GROUP
                || secretGroup > pattern.matcher("").groupCount()) {
            throw new IllegalArgumentException(id + ": secret group " + secretGroup + " does not exist");
        }
    }

    /** A rule reporting every match as is (rule files, configured rules): no entropy or placeholder filter. */
    public SecretRule(String id, String description, Pattern pattern) {
        this(id, description, pattern, List.of(), 0, 0, List.of(), List.of(), false, false, false, null, null);
    }

    /** The same rule allowed to continue its match on the following lines. */
    SecretRule spanningLines() {
        return new SecretRule(
                id,
                description,
                pattern,
                keywords,
                secretGroup,
                minEntropy,
                allowSecrets,
                allowMatches,
                placeholders,
                stopWords,
                true,
                paths,
                fileContains);
    }

    /** The same rule applied only to some files. */
    SecretRule scoped(Pattern newPaths, Pattern newFileContains) {
        return new SecretRule(
                id,
                description,
                pattern,
                keywords,
                secretGroup,
                minEntropy,
                allowSecrets,
                allowMatches,
                placeholders,
                stopWords,
                multiline,
                newPaths,
                newFileContains);
    }

    /** Whether the rule applies to the file at {@code path} (its text is only read when the rule asks). */
    boolean appliesTo(String path, java.util.function.Supplier<CharSequence> text) {
        return (paths == null || paths.matcher(path).find())
                && (fileContains == null || fileContains.matcher(text.get()).find());
    }

    /** A plain rule from its expression; throws {@link IllegalArgumentException} when the expression is invalid. */
    public static SecretRule of(String id, String description, String regex) {
        return new SecretRule(id, description, Pattern.compile(regex));
    }

    /** The literals that prefilter this rule: its keywords, else the expression's literal prefixes. */
    List<String> prefilterLiterals() {
        return keywords.isEmpty() ? LiteralPrefixes.of(pattern.pattern()) : keywords;
    }
}
