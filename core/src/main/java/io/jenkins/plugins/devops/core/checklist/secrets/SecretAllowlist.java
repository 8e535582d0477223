package io.jenkins.plugins.devops.core.checklist.secrets;

import io.jenkins.plugins.devops.core.checklist.files.Glob;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What the secret scan must not report: files whose path matches a glob, and matches (or their lines) matching a
 * regular expression, e.g. documented example keys. A line containing {@code devops:allow} is always allowed.
 */
public record SecretAllowlist(List<Glob> paths, List<Pattern> regexes) {
    /** Marker comment that allows one line, like gitleaks' {@code gitleaks:allow}. */
    public static final String INLINE_MARKER = "devops:allow";

    public static final SecretAllowlist NONE = new SecretAllowlist(List.of(), List.of());

    public SecretAllowlist {
        paths = List.copyOf(paths);
        regexes = List.copyOf(regexes);
    }

    boolean allowsPath(String relativePath) {
        for (Glob glob : paths) {
            if (glob.matches(relativePath)) {
                return true;
            }
        }
        return false;
    }

    boolean allowsMatch(String match, CharSequence line) {
        if (line.toString().contains(INLINE_MARKER)) {
            return true;
        }
        for (Pattern regex : regexes) {
            if (regex.matcher(match).find()) {
                return true;
            }
        }
        return false;
    }
}
