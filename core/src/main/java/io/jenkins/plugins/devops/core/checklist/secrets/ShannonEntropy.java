package io.jenkins.plugins.devops.core.checklist.secrets;

/**
 * Shannon entropy in bits per character, the measure gitleaks and TruffleHog use to tell a random token from a word
 * or a placeholder: {@code xxxxxxxx} has 0, {@code password123} about 3.3, 32 random alphanumerics about 4.7.
 */
final class ShannonEntropy {
    private ShannonEntropy() {}

    static double of(CharSequence text) {
        int length = text.length();
        if (length == 0) {
            return 0;
        }
        int[] counts = new int[128];
        java.util.Map<Character, Integer> others = null;
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c < 128) {
                counts[c]++;
            } else {
                if (others == null) {
                    others = new java.util.HashMap<>();
                }
                others.merge(c, 1, Integer::sum);
            }
        }
        double entropy = 0;
        for (int count : counts) {
            entropy -= term(count, length);
        }
        if (others != null) {
            for (int count : others.values()) {
                entropy -= term(count, length);
            }
        }
        return entropy;
    }

    private static double term(int count, int length) {
        if (count == 0) {
            return 0;
        }
        double p = (double) count / length;
        return p * Math.log(p) / Math.log(2);
    }
}
