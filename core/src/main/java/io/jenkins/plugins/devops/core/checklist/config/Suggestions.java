package io.jenkins.plugins.devops.core.checklist.config;

import java.util.Set;

/** "Did you mean" hints for misspelt ids. */
final class Suggestions {
    private Suggestions() {}

    /** " — did you mean 'x'?" for a near miss (edit distance ≤ 3), else "". */
    static String didYouMean(String id, Set<String> known) {
        String best = null;
        int bestDistance = 4;
        for (String candidate : known) {
            int distance = distance(id, candidate);
            if (distance < bestDistance) {
                bestDistance = distance;
                best = candidate;
            }
        }
        return best == null ? "" : " — did you mean '" + best + "'?";
    }

    private static int distance(String a, String b) {
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
