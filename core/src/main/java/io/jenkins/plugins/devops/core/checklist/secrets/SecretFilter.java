package io.jenkins.plugins.devops.core.checklist.secrets;

import java.util.regex.Pattern;

/**
 * Decides whether a rule's match is reported: the secret must be random enough (Shannon entropy above the rule's
 * floor), not a placeholder or documented example, not allowed by the rule's own lists, and, for generic assignment
 * rules, free of ordinary words.
 */
final class SecretFilter {
    private SecretFilter() {}

    /**
     * @param secret the secret (the rule's secret group, or the whole match)
     * @param identifierAndMatch the whole match preceded by the identifier it starts in
     */
    static boolean accepts(SecretRule rule, String secret, CharSequence identifierAndMatch) {
        if (!rule.hasEntropy(secret)) {
            return false;
        }
        if (rule.placeholders() && SecretPlaceholders.isPlaceholder(secret)) {
            return false;
        }
        for (Pattern allowed : rule.allowSecrets()) {
            if (allowed.matcher(secret).find()) {
                return false;
            }
        }
        for (Pattern allowed : rule.allowMatches()) {
            if (allowed.matcher(identifierAndMatch).find()) {
                return false;
            }
        }
        return !rule.stopWords() || SecretPlaceholders.stopWord(secret) == null;
    }
}
