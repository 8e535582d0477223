package io.jenkins.plugins.devops.core.ledger;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

/**
 * The CSV ids seen so far, exact and compact: an id written as a plain decimal number (what
 * {@code make_deployments.py} and most exports write) is kept as a {@code long} in an open-addressing table, 8 bytes
 * a slot (about 16 MB for a million ids, instead of about 100 MB of {@code String}s in a {@code HashSet}); any other
 * id is kept as a string. No fingerprints: two different ids are never taken for one, so no row is dropped by
 * accident.
 */
final class CsvIdSet {
    private static final long EMPTY = Long.MIN_VALUE;

    private long[] slots = new long[1 << 12];
    private int longCount;
    private final Set<String> others = new HashSet<>();

    CsvIdSet() {
        Arrays.fill(slots, EMPTY);
    }

    /** Adds {@code id}; false when it was already there. */
    boolean add(String id) {
        long number = canonicalLong(id);
        if (number == EMPTY) {
            return others.add(id);
        }
        return addLong(number);
    }

    boolean contains(String id) {
        long number = canonicalLong(id);
        if (number == EMPTY) {
            return others.contains(id);
        }
        int mask = slots.length - 1;
        for (int i = mix(number) & mask; ; i = (i + 1) & mask) {
            if (slots[i] == number) {
                return true;
            }
            if (slots[i] == EMPTY) {
                return false;
            }
        }
    }

    private boolean addLong(long number) {
        if (2 * (longCount + 1) > slots.length) {
            grow();
        }
        int mask = slots.length - 1;
        for (int i = mix(number) & mask; ; i = (i + 1) & mask) {
            if (slots[i] == number) {
                return false;
            }
            if (slots[i] == EMPTY) {
                slots[i] = number;
                longCount++;
                return true;
            }
        }
    }

    private void grow() {
        long[] old = slots;
        slots = new long[old.length * 2];
        Arrays.fill(slots, EMPTY);
        longCount = 0;
        for (long value : old) {
            if (value != EMPTY) {
                addLong(value);
            }
        }
    }

    private static int mix(long value) {
        long h = value * 0x9E3779B97F4A7C15L; // Fibonacci hashing spreads sequential ids over the table
        return (int) (h ^ (h >>> 32));
    }

    /**
     * The id as a long when its text is exactly that long's decimal form ({@code "42"}, {@code "-7"}; not
     * {@code "042"}, {@code "+4"} or {@code "4.0"}, which are other ids) and has at most 18 digits;
     * {@link #EMPTY} (never such a number) otherwise.
     */
    static long canonicalLong(String id) {
        int length = id.length();
        int start = length > 0 && id.charAt(0) == '-' ? 1 : 0;
        int digits = length - start;
        if (digits == 0 || digits > 18 || (id.charAt(start) == '0' && (digits > 1 || start == 1))) {
            return EMPTY;
        }
        long value = 0;
        for (int i = start; i < length; i++) {
            char c = id.charAt(i);
            if (c < '0' || c > '9') {
                return EMPTY;
            }
            value = value * 10 + (c - '0'); // at most 18 digits: no overflow
        }
        return start == 1 ? -value : value;
    }
}
