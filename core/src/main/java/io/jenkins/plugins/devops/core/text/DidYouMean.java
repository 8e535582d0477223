package io.jenkins.plugins.devops.core.text;

import java.util.Collection;
import java.util.Locale;

/**
 * "Did you mean" hints for misspelt names in user configuration (gate settings, checklist item ids).
 *
 * <pre>{@code
 * DidYouMean.hint("intervall", Set.of("interval", "count")); // " — did you mean 'interval'?"
 * }</pre>
 */
public final class DidYouMean {
    private static final int MAX_DISTANCE = 3;

    private DidYouMean() {}

    /**
     * Returns {@code " — did you mean 'x'?"} for the known name closest to {@code given} (case-insensitive edit
     * distance of at most 3), or an empty string when nothing is that close.
     */
    public static String hint(String given, Collection<String> known) {
        String lowerGiven = given.toLowerCase(Locale.ROOT);
        String best = null;
        int bestDistance = MAX_DISTANCE + 1;
        for (String candidate : known) {
            int distance = distance(lowerGiven, candidate.toLowerCase(Locale.ROOT));
            if (distance < bestDistance) {
                bestDistance = distance;
                best = candidate;
            }
        }
        return best == null ? "" : " — did you mean '" + best + "'?";
    }

    /** Levenshtein distance with two rolling rows. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
