package io.jenkins.plugins.devops.core.checklist.secrets;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;

/**
 * Finds many literals in one pass over raw bytes: an Aho-Corasick automaton compiled to a full DFA over bytes,
 * ASCII case folded. Scanning costs one table lookup per byte whatever the number of literals, which is what keeps
 * the secret scan near ripgrep's speed. Immutable and shared by the scanning threads.
 */
final class LiteralMatcher {
    /**
     * Receives each literal occurrence: the index just past its last byte and, in pairs, the rule index and the
     * length in bytes of each literal ending there ({@code rule0, length0, rule1, length1, ...}).
     */
    interface Hits {
        void hit(int end, int[] rulesAndLengths);
    }

    /** Above this many states the 256-wide table outgrows the CPU caches: bytes are mapped to classes first. */
    private static final int MAX_WIDE_STATES = 256;

    private final int[] table;
    private final int[][] outputs;
    private final int acceptFrom;
    /** Byte to column of the compact table, or null when the table is 256 wide. */
    private final int[] classes;

    private final int width;

    /**
     * @param literalsPerRule for rule i, the literals (lower-case) that prefilter it; an empty list means none
     */
    LiteralMatcher(List<List<String>> literalsPerRule) {
        List<int[]> gotoRows = new ArrayList<>();
        List<List<Integer>> out = new ArrayList<>(); // pairs: rule, literal length
        gotoRows.add(newRow());
        out.add(new ArrayList<>());
        for (int rule = 0; rule < literalsPerRule.size(); rule++) {
            for (String literal : literalsPerRule.get(rule)) {
                int state = 0;
                for (byte b : literal.getBytes(StandardCharsets.UTF_8)) {
                    int symbol = fold(b & 0xff);
                    if (gotoRows.get(state)[symbol] < 0) {
                        gotoRows.get(state)[symbol] = gotoRows.size();
                        gotoRows.add(newRow());
                        out.add(new ArrayList<>());
                    }
                    state = gotoRows.get(state)[symbol];
                }
                addPair(out.get(state), rule, literal.getBytes(StandardCharsets.UTF_8).length);
            }
        }
        int states = gotoRows.size();
        int[] fail = new int[states];
        int[] delta = new int[states * 256];
        Deque<Integer> queue = new ArrayDeque<>();
        for (int symbol = 0; symbol < 256; symbol++) {
            int next = gotoRows.get(0)[symbol];
            if (next > 0) {
                fail[next] = 0;
                queue.add(next);
                delta[symbol] = next;
            } else {
                delta[symbol] = 0;
            }
        }
        while (!queue.isEmpty()) {
            int state = queue.poll();
            List<Integer> inherited = out.get(fail[state]);
            for (int i = 0; i < inherited.size(); i += 2) {
                addPair(out.get(state), inherited.get(i), inherited.get(i + 1));
            }
            for (int symbol = 0; symbol < 256; symbol++) {
                int next = gotoRows.get(state)[symbol];
                if (next > 0) {
                    fail[next] = delta[fail[state] * 256 + symbol];
                    queue.add(next);
                    delta[state * 256 + symbol] = next;
                } else {
                    delta[state * 256 + symbol] = delta[fail[state] * 256 + symbol];
                }
            }
        }
        // Upper-case input bytes follow the lower-case transitions.
        for (int state = 0; state < states; state++) {
            for (int symbol = 'A'; symbol <= 'Z'; symbol++) {
                delta[state * 256 + symbol] = delta[state * 256 + symbol + ('a' - 'A')];
            }
        }
        // Renumber so that states with an output come last: the scan loop then tests "has output" with one
        // comparison, and transitions are stored pre-multiplied by 256 so the loop needs no shift.
        int[] order = new int[states];
        int[] rank = new int[states];
        int next = 0;
        for (int state = 0; state < states; state++) {
            if (out.get(state).isEmpty()) {
                rank[state] = next;
                order[next++] = state;
            }
        }
        int firstAccepting = next;
        for (int state = 0; state < states; state++) {
            if (!out.get(state).isEmpty()) {
                rank[state] = next;
                order[next++] = state;
            }
        }
        if (states <= MAX_WIDE_STATES) {
            classes = null;
            width = 256;
        } else {
            // Bytes that behave the same in every state share a column: the bytes of no literal all behave like one.
            classes = new int[256];
            int[] representative = new int[256];
            int count = 0;
            for (int symbol = 0; symbol < 256; symbol++) {
                int same = -1;
                for (int c = 0; c < count && same < 0; c++) {
                    boolean equal = true;
                    for (int state = 0; state < states && equal; state++) {
                        equal = delta[state * 256 + symbol] == delta[state * 256 + representative[c]];
                    }
                    same = equal ? c : -1;
                }
                if (same < 0) {
                    representative[count] = symbol;
                    same = count++;
                }
                classes[symbol] = same;
            }
            width = count;
        }
        acceptFrom = firstAccepting * width;
        table = new int[states * width];
        outputs = new int[states][];
        for (int newState = 0; newState < states; newState++) {
            int old = order[newState];
            for (int symbol = 0; symbol < 256; symbol++) {
                int column = classes == null ? symbol : classes[symbol];
                table[newState * width + column] = rank[delta[old * 256 + symbol]] * width;
            }
            List<Integer> rules = out.get(old);
            outputs[newState] = rules.isEmpty()
                    ? null
                    : rules.stream().mapToInt(Integer::intValue).toArray();
        }
    }

    private static void addPair(List<Integer> pairs, int rule, int length) {
        for (int i = 0; i < pairs.size(); i += 2) {
            if (pairs.get(i) == rule && pairs.get(i + 1) == length) {
                return;
            }
        }
        pairs.add(rule);
        pairs.add(length);
    }

    private static int[] newRow() {
        int[] row = new int[256];
        Arrays.fill(row, -1);
        return row;
    }

    private static int fold(int b) {
        return b >= 'A' && b <= 'Z' ? b + ('a' - 'A') : b;
    }

    /** Reports every literal occurrence in {@code bytes[0, length)} in order of position. */
    void scan(byte[] bytes, int length, Hits hits) {
        if (classes != null) {
            scanCompact(bytes, length, hits);
            return;
        }
        final int[] transitions = table;
        final int accepting = acceptFrom;
        int state = 0;
        for (int i = 0; i < length; i++) {
            state = transitions[state | (bytes[i] & 0xff)];
            if (state >= accepting) {
                hits.hit(i + 1, outputs[state >> 8]);
            }
        }
    }

    /** The same scan over the compact table: one more lookup per byte, but a table that stays in cache. */
    private void scanCompact(byte[] bytes, int length, Hits hits) {
        final int[] transitions = table;
        final int[] columns = classes;
        final int accepting = acceptFrom;
        final int stride = width;
        int state = 0;
        for (int i = 0; i < length; i++) {
            state = transitions[state + columns[bytes[i] & 0xff]];
            if (state >= accepting) {
                hits.hit(i + 1, outputs[state / stride]);
            }
        }
    }
}
