package io.jenkins.plugins.devops.core.dora;

import java.util.List;
import java.util.OptionalLong;

/**
 * The median of the union of several sorted arrays, found by bisecting on the value (about 32 rounds of binary
 * searches) instead of merging: the overall lead time of a million deployments without copying or sorting again.
 */
final class SortedRuns {
    /** One sorted run: {@code values[0..length)}. */
    record Run(int[] values, int length) {}

    private SortedRuns() {}

    /** The median (mean of the two middle values for an even count), or empty when there are no values. */
    static OptionalLong median(List<Run> runs) {
        long total = 0;
        for (Run run : runs) {
            total += run.length();
        }
        if (total == 0) {
            return OptionalLong.empty();
        }
        long lower = kth(runs, (total - 1) / 2);
        long upper = total % 2 == 1 ? lower : kth(runs, total / 2);
        return OptionalLong.of(Math.floorDiv(lower + upper, 2));
    }

    /** The k-th smallest value (0-based). */
    static long kth(List<Run> runs, long k) {
        long lo = Long.MAX_VALUE;
        long hi = Long.MIN_VALUE;
        for (Run run : runs) {
            if (run.length() > 0) {
                lo = Math.min(lo, run.values()[0]);
                hi = Math.max(hi, run.values()[run.length() - 1]);
            }
        }
        // smallest value v with count(<= v) > k
        while (lo < hi) {
            long mid = Math.floorDiv(lo + hi, 2);
            if (countAtMost(runs, mid) > k) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    private static long countAtMost(List<Run> runs, long value) {
        long count = 0;
        for (Run run : runs) {
            int lo = 0;
            int hi = run.length();
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (run.values()[mid] <= value) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            count += lo;
        }
        return count;
    }
}
