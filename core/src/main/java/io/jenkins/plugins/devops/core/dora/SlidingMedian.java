package io.jenkins.plugins.devops.core.dora;

import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * A multiset of ints with O(log n) add, remove and median: the lower half and the upper half in two counted trees,
 * kept balanced. The median of an even count is the mean of the two middle values, rounded down, as in
 * {@link DoraCalculator}.
 */
final class SlidingMedian {
    private final TreeMap<Integer, Integer> low = new TreeMap<>();
    private final TreeMap<Integer, Integer> high = new TreeMap<>();
    private int lowSize;
    private int highSize;

    void add(int value) {
        if (lowSize == 0 || value <= low.lastKey()) {
            increment(low, value);
            lowSize++;
        } else {
            increment(high, value);
            highSize++;
        }
        rebalance();
    }

    void remove(int value) {
        if (lowSize > 0 && value <= low.lastKey()) {
            decrement(low, value);
            lowSize--;
        } else {
            decrement(high, value);
            highSize--;
        }
        rebalance();
    }

    int size() {
        return lowSize + highSize;
    }

    OptionalLong median() {
        if (lowSize == 0) {
            return OptionalLong.empty();
        }
        long lower = low.lastKey();
        return lowSize > highSize ? OptionalLong.of(lower) : OptionalLong.of(Math.floorDiv(lower + high.firstKey(), 2));
    }

    private void rebalance() {
        while (lowSize > highSize + 1) {
            int moved = low.lastKey();
            decrement(low, moved);
            lowSize--;
            increment(high, moved);
            highSize++;
        }
        while (highSize > lowSize) {
            int moved = high.firstKey();
            decrement(high, moved);
            highSize--;
            increment(low, moved);
            lowSize++;
        }
    }

    private static void increment(TreeMap<Integer, Integer> tree, int value) {
        tree.merge(value, 1, Integer::sum);
    }

    private static void decrement(TreeMap<Integer, Integer> tree, int value) {
        Integer count = tree.get(value);
        if (count == null) {
            throw new IllegalStateException("removing " + value + " which is not in the multiset");
        }
        if (count == 1) {
            tree.remove(value);
        } else {
            tree.put(value, count - 1);
        }
    }
}
