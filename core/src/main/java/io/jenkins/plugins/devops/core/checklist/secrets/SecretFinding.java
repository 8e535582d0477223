package io.jenkins.plugins.devops.core.checklist.secrets;

/**
 * A secret found in the workspace. It never holds the secret: {@link #masked()} shows at most its first four
 * characters and its length.
 *
 * @param ruleId the rule that matched
 * @param path slash-separated path relative to the scanned root
 * @param line 1-based line
 * @param column 1-based column of the secret's start in UTF-16 code units (SARIF's default column kind; an emoji
 *     counts two)
 * @param masked the masked match, e.g. {@code AKIA**** (20 chars)}
 */
public record SecretFinding(String ruleId, String path, int line, int column, String masked) {

    /** Masks a matched secret: first four characters only when it is long enough that they reveal little. */
    public static String mask(String secret) {
        String shown = secret.length() >= 16 ? secret.substring(0, 4) : "";
        return shown + "****" + " (" + secret.length() + " chars)";
    }

    /** {@code path:line}, the usual way to point at the finding. */
    public String location() {
        return path + ":" + line;
    }
}
