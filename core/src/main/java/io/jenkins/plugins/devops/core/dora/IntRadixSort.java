package io.jenkins.plugins.devops.core.dora;

/**
 * Sorts non-negative ints by 11-bit digits, with only as many passes as the largest value needs (two for lead times
 * up to 48 days): a million values in a few milliseconds, several times faster than a comparison sort, which matters
 * when the whole command must finish in half a second. Small digit tables keep the per-call cost low for the many
 * small per-service arrays.
 */
final class IntRadixSort {
    private static final int BITS = 11;
    private static final int MASK = (1 << BITS) - 1;

    private IntRadixSort() {}

    /** Sorts {@code values[0..length)}; every value must be {@code >= 0}. */
    static void sort(int[] values, int length) {
        if (length < 512) {
            java.util.Arrays.sort(values, 0, length);
            return;
        }
        int max = 0;
        for (int i = 0; i < length; i++) {
            max = Math.max(max, values[i]);
        }
        int[] from = values;
        int[] to = new int[length];
        int[] counts = new int[MASK + 2];
        for (int shift = 0; shift < 32 && (max >>> shift) != 0; shift += BITS) {
            java.util.Arrays.fill(counts, 0);
            for (int i = 0; i < length; i++) {
                counts[((from[i] >>> shift) & MASK) + 1]++;
            }
            for (int b = 1; b < counts.length; b++) {
                counts[b] += counts[b - 1];
            }
            for (int i = 0; i < length; i++) {
                to[counts[(from[i] >>> shift) & MASK]++] = from[i];
            }
            int[] swap = from;
            from = to;
            to = swap;
        }
        if (from != values) {
            System.arraycopy(from, 0, values, 0, length);
        }
    }
}
