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
                n);
    }

    /** Adds one entry from its columns (the fast path of imports). */
    public void add(
            int seriesId,
            long finishedAt,
            int durationSeconds,
            DeploymentKind kind,
            Outcome outcome,
            int[] leadSeconds,
            int leadLength) {
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
        flags[size] = (byte) (outcome.ordinal() | (kind == DeploymentKind.ROLLBACK ? 4 : 0));
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

    public int leadCount(int entry) {
        return leadStart[entry + 1] - leadStart[entry];
    }

    public int lead(int entry, int commit) {
        return leads[leadStart[entry] + commit];
    }
}
