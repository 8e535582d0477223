package io.jenkins.plugins.devops.core.ledger;

import io.jenkins.plugins.devops.core.deploy.Commit;
import io.jenkins.plugins.devops.core.deploy.DeploymentKind;
import io.jenkins.plugins.devops.core.deploy.Outcome;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The ledger in columns: just what DORA metrics need, about 25 bytes per deployment, so that a million deployments
 * fit in a few tens of megabytes and load in milliseconds.
 *
 * <p>Entry {@code i} has a series (service and environment), a finish time and duration in epoch seconds, a kind
 * and outcome, and the lead times (seconds from commit to finish) of its commits. Entries are kept in the order
 * they were appended. Not thread-safe: the owner ({@link DeploymentLedger}) guards it.
 */
public final class LedgerIndex {
    private static final Outcome[] OUTCOMES = Outcome.values();

    private final List<Series> series = new ArrayList<>();
    private final Map<Series, Integer> seriesIds = new HashMap<>();
    int size;
    int[] seriesOf;
    long[] finished;
    int[] duration;
    byte[] flags;
    int[] leadStart;
    int leadCount;
    int[] leads;
    /** Entry positions per series in finish-time order; computed on demand, dropped on add. */
    int[][] bySeries;

    /** A service in an environment. */
    public record Series(String service, String environment) {}

    public LedgerIndex() {
        this(1024);
    }

    LedgerIndex(int capacity) {
        seriesOf = new int[capacity];
        finished = new long[capacity];
        duration = new int[capacity];
        flags = new byte[capacity];
        leadStart = new int[capacity + 1];
        leads = new int[capacity];
    }

    /** Adds one ledger entry. */
    public void add(LedgerEntry entry) {
        long finishedAt = entry.finishedAt().getEpochSecond();
        int[] entryLeads = new int[entry.commits().size()];
        int n = 0;
        for (Commit commit : entry.commits()) {
            entryLeads[n++] =
                    (int) Math.min(Integer.MAX_VALUE, finishedAt - commit.time().getEpochSecond());
        }
        add(
                seriesId(entry.service(), entry.environment()),
                finishedAt,
                (int) (finishedAt - entry.startedAt().getEpochSecond()),
                entry.kind(),
                entry.outcome(),
                entryLeads,
                n,
                entry.rework());
    }

    /** Adds one entry from its columns (the fast path of imports), not declared as rework. */
    public void add(
            int seriesId,
            long finishedAt,
            int durationSeconds,
            DeploymentKind kind,
            Outcome outcome,
            int[] leadSeconds,
            int leadLength) {
        add(seriesId, finishedAt, durationSeconds, kind, outcome, leadSeconds, leadLength, false);
    }

    /** Adds one entry from its columns; {@code rework} when the request declared it rework. */
    public void add(
            int seriesId,
            long finishedAt,
            int durationSeconds,
            DeploymentKind kind,
            Outcome outcome,
            int[] leadSeconds,
            int leadLength,
            boolean rework) {
        if (size == seriesOf.length) {
            grow();
        }
        bySeries = null;
        while (leadCount + leadLength > leads.length) {
            leads = Arrays.copyOf(leads, leads.length * 2);
        }
        seriesOf[size] = seriesId;
        finished[size] = finishedAt;
        duration[size] = durationSeconds;
        flags[size] = (byte) (outcome.ordinal()
                | (kind == DeploymentKind.ROLLBACK ? Columns.ROLLBACK_BIT : 0)
                | (rework ? Columns.REWORK_BIT : 0));
        leadStart[size] = leadCount;
        System.arraycopy(leadSeconds, 0, leads, leadCount, leadLength);
        leadCount += leadLength;
        size++;
        leadStart[size] = leadCount;
    }

    private void grow() {
        int capacity = seriesOf.length * 2;
        seriesOf = Arrays.copyOf(seriesOf, capacity);
        finished = Arrays.copyOf(finished, capacity);
        duration = Arrays.copyOf(duration, capacity);
        flags = Arrays.copyOf(flags, capacity);
        leadStart = Arrays.copyOf(leadStart, capacity + 1);
    }

    /** The id of a series, registering it on first use. */
    public int seriesId(String service, String environment) {
        Series key = new Series(service, environment);
        Integer id = seriesIds.get(key);
        if (id == null) {
            id = series.size();
            series.add(key);
            seriesIds.put(key, id);
        }
        return id;
    }

    /**
     * The positions of each series' entries, in finish-time order: {@code entriesBySeries()[seriesId]}. Computed
     * once and saved with the index, so a new process does not sort a million entries again. Do not modify.
     */
    public int[][] entriesBySeries() {
        if (bySeries == null || bySeries.length != series.size()) {
            bySeries = computeEntriesBySeries();
        }
        return bySeries;
    }

    private int[][] computeEntriesBySeries() {
        int seriesCount = series.size();
        int[] counts = new int[seriesCount];
        for (int i = 0; i < size; i++) {
            counts[seriesOf[i]]++;
        }
        int[][] result = new int[seriesCount][];
        for (int s = 0; s < seriesCount; s++) {
            result[s] = new int[counts[s]];
        }
        int[] fill = new int[seriesCount];
        for (int i = 0; i < size; i++) {
            int s = seriesOf[i];
            result[s][fill[s]++] = i;
        }
        for (int[] entries : result) {
            sortByFinish(entries);
        }
        return result;
    }

    private void sortByFinish(int[] entries) {
        for (int i = 1; i < entries.length; i++) {
            if (finished[entries[i]] < finished[entries[i - 1]]) {
                Integer[] boxed = Arrays.stream(entries).boxed().toArray(Integer[]::new);
                // stable: entries finished at the same second keep their append order
                Arrays.sort(boxed, java.util.Comparator.comparingLong(e -> finished[e]));
                for (int j = 0; j < entries.length; j++) {
                    entries[j] = boxed[j];
                }
                return;
            }
        }
    }

    public int size() {
        return size;
    }

    /**
     * The raw columns, for loops over millions of entries that must be fast even before the JIT has compiled them
     * (a command-line run lasts half a second). Read-only: the arrays are the index's own and may be longer than
     * {@link #size()}.
     */
    public Columns columns() {
        return new Columns(finished, duration, flags, leadStart, leads);
    }

    /**
     * @param finished finish time of entry i in epoch seconds
     * @param duration duration in seconds
     * @param flags bits 0-1: outcome ordinal; bit 2: rollback; bit 3: declared rework (an index saved before the
     *     bit existed never has it set, which is right: ledgers of that time had no rework flag)
     * @param leadStart entry i's lead times are {@code leads[leadStart[i] .. leadStart[i + 1])}
     * @param leads lead times in seconds
     */
    public record Columns(long[] finished, int[] duration, byte[] flags, int[] leadStart, int[] leads) {
        public static final int OUTCOME_MASK = 3;
        public static final int ROLLBACK_BIT = 4;
        public static final int REWORK_BIT = 8;
    }

    public List<Series> series() {
        return List.copyOf(series);
    }

    public Series series(int id) {
        return series.get(id);
    }

    public int seriesOf(int entry) {
        return seriesOf[entry];
    }

    public long finishedEpochSecond(int entry) {
        return finished[entry];
    }

    public long startedEpochSecond(int entry) {
        return finished[entry] - duration[entry];
    }

    public Outcome outcome(int entry) {
        return OUTCOMES[flags[entry] & 3];
    }

    public DeploymentKind kind(int entry) {
        return (flags[entry] & 4) != 0 ? DeploymentKind.ROLLBACK : DeploymentKind.DEPLOY;
    }

    /** Whether the request declared the entry as rework (a fix of a user-facing problem). */
    public boolean reworkDeclared(int entry) {
        return (flags[entry] & Columns.REWORK_BIT) != 0;
    }

    public int leadCount(int entry) {
        return leadStart[entry + 1] - leadStart[entry];
    }

    public int lead(int entry, int commit) {
        return leads[leadStart[entry] + commit];
    }
}
