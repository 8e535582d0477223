package io.jenkins.plugins.devops.core.dora;

/**
 * Sorts non-negative ints in two 16-bit counting passes: a million lead times in a few milliseconds, several times
 * faster than a comparison sort, which matters when the whole command must finish in half a second.
 */
final class IntRadixSort {
    private IntRadixSort() {}

    /** Sorts {@code values[0..length)}; every value must be {@code >= 0}. */
    static void sort(int[] values, int length) {
        if (length < 256) {
            java.util.Arrays.sort(values, 0, length);
            return;
        }
        int[] scratch = new int[length];
        pass(values, scratch, length, 0);
        pass(scratch, values, length, 16);
    }

    private static void pass(int[] from, int[] to, int length, int shift) {
        int[] counts = new int[65_537];
        for (int i = 0; i < length; i++) {
            counts[((from[i] >>> shift) & 0xFFFF) + 1]++;
        }
        for (int b = 1; b < counts.length; b++) {
            counts[b] += counts[b - 1];
        }
        for (int i = 0; i < length; i++) {
            to[counts[(from[i] >>> shift) & 0xFFFF]++] = from[i];
        }
    }
}
